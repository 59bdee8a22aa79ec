package dev.portcullis.oauth.application.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.user.Password;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom(), 1000);

    @Test
    void matchesWhenSamePasswordThenTrue() {
        PasswordHash stored = hasher.hash(new Password("correct horse"));

        assertTrue(hasher.matches(new Password("correct horse"), stored));
    }

    @Test
    void matchesWhenOtherPasswordThenFalse() {
        PasswordHash stored = hasher.hash(new Password("correct horse"));

        assertFalse(hasher.matches(new Password("correct horsE"), stored));
    }

    @Test
    void matchesWhenHashMadeForAClientSecretThenSameEncodingVerifies() {
        String encoded = new Pbkdf2SecretHasher(new SecureRandom(), 1000).hash(new ClientSecret("shared")).encoded();

        assertTrue(hasher.matches(new Password("shared"), new PasswordHash(encoded)));
    }

    @Test
    void matchesWhenPasswordLongerThanAnyClientSecretThenHashed() {
        Password longest = new Password("p".repeat(Password.MAX_LENGTH));

        assertTrue(hasher.matches(longest, hasher.hash(longest)));
    }

    @Test
    void matchesWhenHashUnreadableThenFalse() {
        PasswordHash broken = new PasswordHash("$pbkdf2-sha256$i=1000$not base64$x");

        assertFalse(hasher.matches(new Password("anything"), broken));
    }

    @Test
    void passwordHashWhenOtherAlgorithmThenRefused() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new PasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"));

        assertEquals("password hash must start with $pbkdf2-sha256$i=", thrown.getMessage());
    }

    @Test
    void passwordHashWhenPrintedThenRedacted() {
        assertEquals("PasswordHash[redacted]", hasher.hash(new Password("x")).toString());
    }
}
