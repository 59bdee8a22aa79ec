package dev.portcullis.oauth.application.key;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * The 256-bit AES key that encrypts signing private keys at rest. Supplied by the environment,
 * never stored beside the data it protects, never logged.
 */
public final class MasterKey {

    private static final int BYTES = 32;

    private final byte[] bytes;

    private MasterKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("master key must be 32 bytes (256 bits)");
        }
        this.bytes = bytes.clone();
    }

    /** The key encoded as standard or URL-safe base64 (44 or 43 characters). */
    public static MasterKey fromBase64(String encoded) {
        Objects.requireNonNull(encoded, "encoded");
        String trimmed = encoded.strip();
        try {
            byte[] decoded = trimmed.indexOf('-') >= 0 || trimmed.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
            return new MasterKey(decoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key must be 32 bytes in base64", e);
        }
    }

    /** A new random key. */
    public static MasterKey generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** The key in standard base64, for writing to a development key file. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
