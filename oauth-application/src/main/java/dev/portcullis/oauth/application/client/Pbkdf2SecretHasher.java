package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.port.SecretHasher;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, encoded as {@code $pbkdf2-sha256$i=ITERATIONS$SALT$HASH}
 * (base64 without padding). The iteration count is stored with each hash, so raising it later
 * leaves old hashes verifiable. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8018#section-5.2">RFC 8018 §5.2</a>
 */
public final class Pbkdf2SecretHasher implements SecretHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final String PREFIX = "$pbkdf2-sha256$i=";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final int MAX_ITERATIONS = 10_000_000;

    private final SecureRandom random;
    private final int iterations;

    /**
     * @param random     salt source
     * @param iterations work factor for new hashes (at least 1000; tests may use a low value)
     */
    public Pbkdf2SecretHasher(SecureRandom random, int iterations) {
        this.random = Objects.requireNonNull(random, "random");
        if (iterations < 1000 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1000 and " + MAX_ITERATIONS);
        }
        this.iterations = iterations;
    }

    @Override
    public HashedSecret hash(ClientSecret secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return new HashedSecret(PREFIX + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash));
    }

    @Override
    public boolean matches(ClientSecret presented, HashedSecret stored) {
        String encoded = stored.encoded();
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
            return MessageDigest.isEqual(expected, derive(presented, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(ClientSecret secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.value().toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is required by every Java platform", e);
        } finally {
            spec.clearPassword();
        }
    }
}
