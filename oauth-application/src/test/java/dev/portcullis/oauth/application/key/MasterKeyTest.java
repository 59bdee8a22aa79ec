package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MasterKeyTest {

    /** 32 bytes chosen so that base64 and base64url differ: 0xfb 0xff give "+" and "/" or "-" and "_". */
    private static final byte[] BYTES = bytes();

    private static byte[] bytes() {
        byte[] bytes = new byte[32];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i % 2 == 0 ? 0xfb : 0xff);
        }
        return bytes;
    }

    @Test
    void fromBase64WhenStandardWithPaddingThenKey() {
        String encoded = Base64.getEncoder().encodeToString(BYTES);

        MasterKey key = MasterKey.fromBase64(encoded);

        assertArrayEquals(BYTES, key.bytes());
    }

    @Test
    void fromBase64WhenUrlSafeWithoutPaddingThenKey() {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(BYTES);

        MasterKey key = MasterKey.fromBase64(encoded);

        assertArrayEquals(BYTES, key.bytes());
    }

    @Test
    void fromBase64WhenUrlSafeWithPaddingThenKey() {
        String encoded = Base64.getUrlEncoder().encodeToString(BYTES);

        MasterKey key = MasterKey.fromBase64(encoded);

        assertArrayEquals(BYTES, key.bytes());
    }

    @Test
    void fromBase64WhenStandardWithoutPaddingThenKey() {
        String encoded = Base64.getEncoder().withoutPadding().encodeToString(BYTES);

        MasterKey key = MasterKey.fromBase64(encoded);

        assertArrayEquals(BYTES, key.bytes());
    }

    @Test
    void fromBase64WhenSurroundedByWhitespaceThenKey() {
        String encoded = "  " + Base64.getEncoder().encodeToString(BYTES) + "\n";

        MasterKey key = MasterKey.fromBase64(encoded);

        assertArrayEquals(BYTES, key.bytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 31, 33, 64})
    void fromBase64WhenNot32BytesThenIllegalArgument(int length) {
        String encoded = Base64.getEncoder().encodeToString(new byte[length]);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> MasterKey.fromBase64(encoded));

        assertEquals("master key must be 32 bytes in base64", thrown.getMessage());
    }

    @Test
    void fromBase64WhenNotBase64ThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> MasterKey.fromBase64("not base64 at all!"));

        assertEquals("master key must be 32 bytes in base64", thrown.getMessage());
    }

    @Test
    void toStringWhenCalledThenRedacted() {
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(BYTES));

        String text = key.toString();

        assertEquals("MasterKey[redacted]", text);
    }

    @Test
    void toBase64WhenParsedBackThenEqualKey() {
        MasterKey key = MasterKey.generate(new SecureRandom());

        MasterKey parsed = MasterKey.fromBase64(key.toBase64());

        assertEquals(key, parsed);
    }

    @Test
    void generateWhenCalledTwiceThenDifferentKeys() {
        SecureRandom random = new SecureRandom();

        MasterKey first = MasterKey.generate(random);

        assertNotEquals(first, MasterKey.generate(random));
    }

    @Test
    void bytesWhenReturnedArrayChangedThenKeyUnchanged() {
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(BYTES));

        key.bytes()[0] = 0;

        assertArrayEquals(BYTES, key.bytes());
    }

    @Test
    void deriveWhenSamePurposeThenSameKeyAcrossInstances() { // every instance sharing the master key agrees
        MasterKey one = MasterKey.fromBase64(Base64.getEncoder().encodeToString(BYTES));
        MasterKey other = MasterKey.fromBase64(Base64.getEncoder().encodeToString(BYTES));

        assertArrayEquals(one.derive("purpose").getEncoded(), other.derive("purpose").getEncoded());
        assertEquals(32, one.derive("purpose").getEncoded().length);
    }

    @Test
    void deriveWhenOtherPurposeOrOtherMasterKeyThenOtherKey() {
        MasterKey key = MasterKey.fromBase64(Base64.getEncoder().encodeToString(BYTES));
        MasterKey random = MasterKey.generate(new SecureRandom());

        assertNotEquals(Base64.getEncoder().encodeToString(key.derive("a").getEncoded()),
                Base64.getEncoder().encodeToString(key.derive("b").getEncoded()));
        assertNotEquals(Base64.getEncoder().encodeToString(key.derive("a").getEncoded()),
                Base64.getEncoder().encodeToString(random.derive("a").getEncoded()));
        assertNotEquals(Base64.getEncoder().encodeToString(key.derive("a").getEncoded()),
                Base64.getEncoder().encodeToString(BYTES), "the derived key is not the master key");
    }

    @Test
    void deriveWhenPurposeEmptyThenIllegalArgumentException() {
        MasterKey key = MasterKey.generate(new SecureRandom());

        assertThrows(IllegalArgumentException.class, () -> key.derive(""));
    }
}
