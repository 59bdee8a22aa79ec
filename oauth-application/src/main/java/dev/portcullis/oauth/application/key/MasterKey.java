package dev.portcullis.oauth.application.key;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

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

    /**
     * A 256-bit HMAC-SHA256 key for one {@code purpose}, derived from this key (HKDF-Expand of
     * RFC 5869 §2.3 with the master key as PRK, {@code purpose} as info, one block): every instance
     * sharing the master key derives the same key, and keys of different purposes are independent.
     *
     * @param purpose what the key is for, e.g. {@code refresh-token-successor}; never empty
     */
    public SecretKey derive(String purpose) {
        if (Objects.requireNonNull(purpose, "purpose").isEmpty()) {
            throw new IllegalArgumentException("purpose must not be empty");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(bytes, "HmacSHA256"));
            mac.update(("portcullis/" + purpose).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 1);
            return new SecretKeySpec(mac.doFinal(), "HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
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
