package dev.portcullis.oauth.domain.port;

/**
 * The one source of unguessable values: token values, codes, {@code jti}s and generated secrets.
 * Backed by a cryptographically strong generator. Thread-safe.
 */
public interface TokenValueGenerator {

    /** A bearer value with 256 bits of entropy, base64url without padding (43 characters). */
    String tokenValue();

    /** A unique identifier with 128 bits of entropy, base64url without padding (22 characters). */
    String identifier();
}
