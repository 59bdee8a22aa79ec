package dev.portcullis.oauth.domain.client;

import java.util.Objects;

/**
 * A client secret as stored: an encoded slow hash with its algorithm and parameters
 * (for example {@code $pbkdf2-sha256$i=600000$salt$hash}), produced by the SecretHasher port.
 *
 * @param encoded the self-describing hash string
 */
public record HashedSecret(String encoded) {

    public HashedSecret {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("encoded hash must not be blank");
        }
    }

    @Override
    public String toString() {
        return "HashedSecret[redacted]";
    }
}
