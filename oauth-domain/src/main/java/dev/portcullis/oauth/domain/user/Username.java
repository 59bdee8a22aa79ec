package dev.portcullis.oauth.domain.user;

import java.util.Objects;

/**
 * What a user types in the login form's {@code username} field.
 *
 * @param value 1 to 255 characters, without control characters
 */
public record Username(String value) {

    public Username {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("username must be 1 to 255 characters without control characters");
        }
    }

    /** Whether {@code value} can be a username; for parsing form input. */
    public static boolean isValid(String value) {
        return value != null && !value.isBlank() && value.length() <= 255
                && value.chars().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}
