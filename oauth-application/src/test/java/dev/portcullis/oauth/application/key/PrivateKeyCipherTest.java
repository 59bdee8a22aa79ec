package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.key.KeyId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PrivateKeyCipherTest {

    private static final KeyId KID = new KeyId("key-1");
    private static final String PRIVATE_JWK = "{\"kty\":\"EC\",\"kid\":\"key-1\",\"d\":\"private-part\"}";

    private final PrivateKeyCipher cipher = new PrivateKeyCipher(TestKeyRings.MASTER_KEY, new SecureRandom());

    @Test
    void decryptWhenMadeByEncryptThenPlaintext() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);

        String decrypted = cipher.decrypt(KID, encrypted);

        assertEquals(PRIVATE_JWK, decrypted);
    }

    @Test
    void encryptWhenCalledThenVersionOneNonceAndTagLayout() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);

        assertEquals(1, encrypted[0]);
        assertEquals(1 + 12 + PRIVATE_JWK.getBytes(StandardCharsets.UTF_8).length + 16, encrypted.length);
    }

    @Test
    void encryptWhenCalledThenPlaintextNotVisible() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);

        assertFalse(new String(encrypted, StandardCharsets.ISO_8859_1).contains("private-part"));
    }

    @Test
    void encryptWhenSamePlaintextTwiceThenDifferentCiphertexts() {
        byte[] first = cipher.encrypt(KID, PRIVATE_JWK);

        byte[] second = cipher.encrypt(KID, PRIVATE_JWK);

        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void decryptWhenOtherMasterKeyThenIllegalState() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);
        PrivateKeyCipher other = new PrivateKeyCipher(MasterKey.generate(new SecureRandom()), new SecureRandom());

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> other.decrypt(KID, encrypted));

        assertEquals("private key of key-1 cannot be decrypted: wrong master key, or the stored key was altered",
                thrown.getMessage());
    }

    @Test
    void decryptWhenCiphertextMovedToOtherKidThenIllegalState() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> cipher.decrypt(new KeyId("key-2"), encrypted));

        assertEquals("private key of key-2 cannot be decrypted: wrong master key, or the stored key was altered",
                thrown.getMessage());
    }

    @Test
    void decryptWhenCiphertextByteTamperedThenIllegalState() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);
        encrypted[20] ^= 0x01;

        assertThrows(IllegalStateException.class, () -> cipher.decrypt(KID, encrypted));
    }

    @Test
    void decryptWhenNonceByteTamperedThenIllegalState() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);
        encrypted[1] ^= 0x01;

        assertThrows(IllegalStateException.class, () -> cipher.decrypt(KID, encrypted));
    }

    @Test
    void decryptWhenTagByteTamperedThenIllegalState() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);
        encrypted[encrypted.length - 1] ^= 0x01;

        assertThrows(IllegalStateException.class, () -> cipher.decrypt(KID, encrypted));
    }

    @Test
    void decryptWhenUnknownVersionThenIllegalState() {
        byte[] encrypted = cipher.encrypt(KID, PRIVATE_JWK);
        encrypted[0] = 2;

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> cipher.decrypt(KID, encrypted));

        assertEquals("private key of key-1 is not in a known encrypted format", thrown.getMessage());
    }

    @Test
    void decryptWhenTooShortThenIllegalState() {
        byte[] truncated = new byte[] {1, 2, 3};

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> cipher.decrypt(KID, truncated));

        assertEquals("private key of key-1 is not in a known encrypted format", thrown.getMessage());
    }
}
