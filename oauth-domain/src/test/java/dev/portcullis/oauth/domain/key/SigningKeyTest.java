package dev.portcullis.oauth.domain.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeyTest {

    private static final KeyId KID = new KeyId("key-1");
    private static final String PUBLIC_JWK = "{\"kty\":\"EC\",\"kid\":\"key-1\"}";
    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private static SigningKey key(byte[] encrypted) {
        return new SigningKey(KID, SigningAlgorithm.ES256, KeyState.CURRENT, PUBLIC_JWK, encrypted, CREATED);
    }

    @Test
    void constructorWhenSourceArrayChangesLaterThenKeyUnchanged() {
        byte[] source = {1, 2, 3};
        SigningKey key = key(source);

        source[0] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, key.encryptedPrivateKey());
    }

    @Test
    void encryptedPrivateKeyWhenReturnedArrayChangedThenKeyUnchanged() {
        SigningKey key = key(new byte[] {1, 2, 3});

        key.encryptedPrivateKey()[0] = 9;

        assertArrayEquals(new byte[] {1, 2, 3}, key.encryptedPrivateKey());
    }

    @Test
    void equalsWhenSameContentInDifferentArraysThenEqualWithSameHashCode() {
        SigningKey first = key(new byte[] {1, 2, 3});

        SigningKey second = key(new byte[] {1, 2, 3});

        assertEquals(first, second);
        assertEquals(first.hashCode(), second.hashCode());
    }

    @Test
    void equalsWhenEncryptedBytesDifferThenNotEqual() {
        SigningKey first = key(new byte[] {1, 2, 3});

        SigningKey second = key(new byte[] {1, 2, 4});

        assertNotEquals(first, second);
    }

    @Test
    void equalsWhenStateDiffersThenNotEqual() {
        SigningKey current = key(new byte[] {1});

        SigningKey retired = current.withState(KeyState.RETIRED);

        assertNotEquals(current, retired);
    }

    @Test
    void withStateWhenCalledThenOnlyStateChanges() {
        SigningKey current = key(new byte[] {1, 2});

        SigningKey retired = current.withState(KeyState.RETIRED);

        assertEquals(new SigningKey(KID, SigningAlgorithm.ES256, KeyState.RETIRED, PUBLIC_JWK, new byte[] {1, 2}, CREATED),
                retired);
    }

    @Test
    void toStringWhenCalledThenNoKeyMaterial() {
        SigningKey key = key(new byte[] {42, 43});

        String text = key.toString();

        assertEquals("SigningKey[kid=key-1, alg=ES256, state=CURRENT, createdAt=2026-01-01T00:00:00Z, activatedAt=-, retiredAt=-]",
                text);
        assertFalse(text.contains("42"));
    }

    @Test
    void activatedWhenNextKeyThenCurrentSinceThatTime() {
        SigningKey next = key(new byte[] {1}).withState(KeyState.NEXT);
        Instant at = CREATED.plusSeconds(3600);

        SigningKey current = next.activated(at);

        assertEquals(KeyState.CURRENT, current.state());
        assertEquals(Optional.of(at), current.activatedAt());
        assertEquals(at, current.signingSince());
        assertEquals(Optional.empty(), current.retiredAt());
    }

    @Test
    void retiredWhenCurrentKeyThenActivationKeptAndRetirementRecorded() {
        Instant activated = CREATED.plusSeconds(60);
        Instant at = CREATED.plusSeconds(7200);

        SigningKey retired = key(new byte[] {1}).activated(activated).retired(at);

        assertEquals(KeyState.RETIRED, retired.state());
        assertEquals(Optional.of(activated), retired.activatedAt());
        assertEquals(Optional.of(at), retired.retiredAt());
    }

    @Test
    void signingSinceWhenNoActivationRecordedThenCreationTime() {
        SigningKey key = key(new byte[] {1});

        Instant since = key.signingSince();

        assertEquals(CREATED, since);
    }

    @Test
    void withEncryptedPrivateKeyWhenCalledThenOnlyTheCiphertextChanges() {
        SigningKey key = key(new byte[] {1}).activated(CREATED);

        SigningKey reencrypted = key.withEncryptedPrivateKey(new byte[] {2});

        assertArrayEquals(new byte[] {2}, reencrypted.encryptedPrivateKey());
        assertEquals(key, reencrypted.withEncryptedPrivateKey(new byte[] {1}));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "slash/", "colon:", "caf\u00e9"})
    void keyIdWhenOutsideAllowedCharactersThenIllegalArgument(String value) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> new KeyId(value));

        assertEquals("kid must be 1 to 128 characters of [A-Za-z0-9._-]", thrown.getMessage());
    }

    @Test
    void keyIdWhenLongerThan128ThenIllegalArgument() {
        String value = "k".repeat(129);

        assertThrows(IllegalArgumentException.class, () -> new KeyId(value));
    }

    @Test
    void keyIdWhenBase64UrlIdentifierThenAccepted() {
        KeyId id = new KeyId("Ab9_-x.Q");

        assertEquals("Ab9_-x.Q", id.value());
    }

    @Test
    void signingAlgorithmFromJwsNameWhenExactCaseThenAlgorithm() { // RFC 8037 §3.1
        Optional<SigningAlgorithm> algorithm = SigningAlgorithm.fromJwsName("EdDSA");

        assertEquals(Optional.of(SigningAlgorithm.EDDSA), algorithm);
    }

    @Test
    void signingAlgorithmFromJwsNameWhenOtherCaseThenEmpty() {
        Optional<SigningAlgorithm> algorithm = SigningAlgorithm.fromJwsName("rs256");

        assertEquals(Optional.empty(), algorithm);
    }
}
