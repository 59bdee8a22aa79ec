package dev.portcullis.oauth.application.identity;

import dev.portcullis.oauth.application.client.Pbkdf2Sha256;
import java.util.Objects;

/**
 * A user's password as stored: {@code $pbkdf2-sha256$i=ITERATIONS$SALT$HASH}, the encoding of
 * {@link Pbkdf2Sha256} (and of client secrets). Never logged ({@link #toString()} redacts it).
 *
 * @param encoded the self-describing hash string
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (!Pbkdf2Sha256.isEncoding(encoded)) {
            throw new IllegalArgumentException("password hash must start with $pbkdf2-sha256$i=");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
