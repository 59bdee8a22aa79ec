package dev.portcullis.oauth.domain.user;

import java.util.Objects;

/**
 * A password in clear, as typed in the login form. Lives for one request; never stored, never
 * logged ({@link #toString()} redacts it).
 *
 * @param value 1 to 1024 characters
 */
public record Password(String value) {

    /** Longest password accepted, so that hashing cost is bounded. */
    public static final int MAX_LENGTH = 1024;

    public Password {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password must be 1 to 1024 characters");
        }
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}
