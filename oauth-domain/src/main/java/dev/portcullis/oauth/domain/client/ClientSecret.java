package dev.portcullis.oauth.domain.client;

import java.util.Objects;

/**
 * A client secret in clear, as presented by a client or freshly generated. It lives only as long
 * as one request or one registration; what is stored is a {@link HashedSecret}.
 *
 * @param value the secret; never logged ({@link #toString()} redacts it)
 */
public record ClientSecret(String value) {

    /** Longest secret accepted, so that hashing cost is bounded. */
    public static final int MAX_LENGTH = 512;

    public ClientSecret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("client secret must be 1 to 512 characters");
        }
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}
