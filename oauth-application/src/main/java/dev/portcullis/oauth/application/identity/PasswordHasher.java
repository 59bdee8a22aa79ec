package dev.portcullis.oauth.application.identity;

import dev.portcullis.oauth.application.client.Pbkdf2Sha256;
import dev.portcullis.oauth.domain.user.Password;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * Hashes users' passwords with PBKDF2-HMAC-SHA256 ({@link Pbkdf2Sha256}, the same code and encoding
 * as client secrets) and checks typed passwords against stored hashes in constant time. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8018#section-5.2">RFC 8018 §5.2</a>
 */
public final class PasswordHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256: 600,000. */
    public static final int DEFAULT_ITERATIONS = Pbkdf2Sha256.DEFAULT_ITERATIONS;

    private final Pbkdf2Sha256 pbkdf2;

    /**
     * @param random     salt source
     * @param iterations work factor for new hashes (1000 to 10,000,000; tests may use a low value)
     * @throws IllegalArgumentException when {@code iterations} is out of range
     */
    public PasswordHasher(SecureRandom random, int iterations) {
        this.pbkdf2 = new Pbkdf2Sha256(random, iterations);
    }

    /** A hasher with {@link #DEFAULT_ITERATIONS}. */
    public static PasswordHasher withDefaults(SecureRandom random) {
        return new PasswordHasher(random, DEFAULT_ITERATIONS);
    }

    /** A fresh salted hash of {@code password}. */
    public PasswordHash hash(Password password) {
        Objects.requireNonNull(password, "password");
        return new PasswordHash(pbkdf2.hash(password.value()));
    }

    /**
     * Whether {@code presented} is the password {@code stored} was made from, at the iteration count
     * stored in the hash. Constant-time comparison; false (never throws) for an unreadable hash.
     */
    public boolean matches(Password presented, PasswordHash stored) {
        Objects.requireNonNull(presented, "presented");
        Objects.requireNonNull(stored, "stored");
        return Pbkdf2Sha256.matches(presented.value(), stored.encoded());
    }
}
