package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.port.SecretHasher;
import java.security.SecureRandom;

/**
 * PBKDF2-HMAC-SHA256 from the JDK, encoded as {@code $pbkdf2-sha256$i=ITERATIONS$SALT$HASH}
 * (base64 without padding); see {@link Pbkdf2Sha256}. The iteration count is stored with each
 * hash, so raising it later leaves old hashes verifiable. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8018#section-5.2">RFC 8018 §5.2</a>
 */
public final class Pbkdf2SecretHasher implements SecretHasher {

    /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = Pbkdf2Sha256.DEFAULT_ITERATIONS;

    private final Pbkdf2Sha256 pbkdf2;

    /**
     * @param random     salt source
     * @param iterations work factor for new hashes (at least 1000; tests may use a low value)
     */
    public Pbkdf2SecretHasher(SecureRandom random, int iterations) {
        this.pbkdf2 = new Pbkdf2Sha256(random, iterations);
    }

    @Override
    public HashedSecret hash(ClientSecret secret) {
        return new HashedSecret(pbkdf2.hash(secret.value()));
    }

    @Override
    public boolean matches(ClientSecret presented, HashedSecret stored) {
        return Pbkdf2Sha256.matches(presented.value(), stored.encoded());
    }
}
