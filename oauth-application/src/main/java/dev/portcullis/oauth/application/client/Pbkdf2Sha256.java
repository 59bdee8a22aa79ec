package dev.portcullis.oauth.application.client;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, encoded as {@code $pbkdf2-sha256$i=ITERATIONS$SALT$HASH}
 * (standard base64 without padding, 16-byte salt, 32-byte hash). The one implementation behind
 * client secrets ({@link Pbkdf2SecretHasher}) and user passwords
 * ({@code dev.portcullis.oauth.application.identity.PasswordHasher}). The iteration count is stored
 * with each hash, so raising it later leaves old hashes verifiable. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8018#section-5.2">RFC 8018 §5.2</a>
 */
public final class Pbkdf2Sha256 {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MIN_ITERATIONS = 1000;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final SecureRandom random;
    private final int iterations;

    /**
     * @param random     salt source
     * @param iterations work factor for new hashes (at least 1000; tests may use a low value)
     * @throws IllegalArgumentException when {@code iterations} is out of range
     */
    public Pbkdf2Sha256(SecureRandom random, int iterations) {
        this.random = Objects.requireNonNull(random, "random");
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between " + MIN_ITERATIONS + " and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    /** The work factor of new hashes. */
    public int iterations() {
        return iterations;
    }

    /** A fresh salted hash of {@code clear}, in the encoding above. */
    public String hash(String clear) {
        Objects.requireNonNull(clear, "clear");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(clear, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /**
     * Whether {@code clear} is what {@code encoded} was made from, with the iteration count stored
     * in {@code encoded}. Compares in constant time; false (never throws) for a hash it cannot read.
     */
    public static boolean matches(String clear, String encoded) {
        Objects.requireNonNull(clear, "clear");
        Objects.requireNonNull(encoded, "encoded");
        if (!encoded.startsWith(PREFIX)) {
            return false;
        }
        String[] parts = encoded.substring(PREFIX.length()).split("\\$", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[0]);
            if (storedIterations < 1 || storedIterations > MAX_ITERATIONS) {
                return false;
            }
            byte[] salt = Base64.getDecoder().decode(parts[1]);
            byte[] expected = Base64.getDecoder().decode(parts[2]);
            return MessageDigest.isEqual(expected, derive(clear, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code encoded} has the shape of this encoding (it may still not verify anything). */
    public static boolean isEncoding(String encoded) {
        return encoded != null && encoded.startsWith(PREFIX);
    }

    private static byte[] derive(String clear, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(clear.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java platform", e);
        } finally {
            spec.clearPassword();
        }
    }
}
