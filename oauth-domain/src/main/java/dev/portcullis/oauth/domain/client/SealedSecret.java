package dev.portcullis.oauth.domain.client;

import java.util.Objects;

/**
 * A client secret encrypted under the server's master key, kept for {@code client_secret_jwt}
 * (OIDC Core §9): an HMAC assertion can only be verified with the secret itself, which a hash
 * cannot give back. Opaque to the domain; the application seals and opens it.
 *
 * @param encoded the ciphertext as base64url text; never logged ({@link #toString()} redacts it)
 */
public record SealedSecret(String encoded) {

    public SealedSecret {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank() || encoded.length() > 2048) {
            throw new IllegalArgumentException("sealed secret must be 1 to 2048 characters");
        }
    }

    @Override
    public String toString() {
        return "SealedSecret[redacted]";
    }
}
