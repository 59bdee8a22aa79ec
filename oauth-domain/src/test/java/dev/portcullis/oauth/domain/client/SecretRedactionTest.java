package dev.portcullis.oauth.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SecretRedactionTest {

    @Test
    void clientSecretToStringWhenCalledThenRedacted() {
        ClientSecret secret = new ClientSecret("very-secret-value");

        String text = secret.toString();

        assertEquals("ClientSecret[redacted]", text);
    }

    @Test
    void hashedSecretToStringWhenCalledThenRedacted() {
        HashedSecret hashed = new HashedSecret("$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA");

        String text = hashed.toString();

        assertEquals("HashedSecret[redacted]", text);
    }

    @Test
    void clientToStringWhenSecretPresentThenSecretHashNotPrinted() {
        Client client = Client.builder(new ClientId("c1"))
                .secret(new HashedSecret("$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA"))
                .build();

        String text = client.toString();

        assertFalse(text.contains("aGFzaA"));
    }

    @Test
    void clientSecretWhenEmptyThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new ClientSecret(""));

        assertEquals("client secret must be 1 to 512 characters", thrown.getMessage());
    }

    @Test
    void clientSecretWhenLongerThanMaxLengthThenIllegalArgument() {
        String value = "s".repeat(ClientSecret.MAX_LENGTH + 1);

        assertThrows(IllegalArgumentException.class, () -> new ClientSecret(value));
    }

    @Test
    void clientSecretWhenMaxLengthThenAccepted() {
        String value = "s".repeat(ClientSecret.MAX_LENGTH);

        ClientSecret secret = new ClientSecret(value);

        assertEquals(value, secret.value());
    }

    @Test
    void hashedSecretWhenBlankThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new HashedSecret("  "));

        assertEquals("encoded hash must not be blank", thrown.getMessage());
    }
}
