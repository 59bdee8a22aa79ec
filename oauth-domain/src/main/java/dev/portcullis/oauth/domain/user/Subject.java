package dev.portcullis.oauth.domain.user;

import java.util.Objects;

/**
 * A user's stable identifier, the {@code sub} claim (OIDC Core §2): 1 to 255 ASCII characters,
 * never reassigned.
 *
 * @param value the identifier
 */
public record Subject(String value) {

    public Subject {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 255 || !value.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("sub must be 1 to 255 visible ASCII characters (OIDC Core §2)");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
