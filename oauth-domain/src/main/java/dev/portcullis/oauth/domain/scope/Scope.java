package dev.portcullis.oauth.domain.scope;

import java.util.Objects;

/**
 * One scope-token (RFC 6749 §3.3): {@code 1*( %x21 / %x23-5B / %x5D-7E )}.
 *
 * @param value the scope as written in the {@code scope} parameter
 */
public record Scope(String value) {

    /** The longest scope-token accepted. */
    public static final int MAX_LENGTH = 128;

    public Scope {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("scope must be 1 to 128 characters of %x21 / %x23-5B / %x5D-7E (RFC 6749 §3.3)");
        }
    }

    /** Whether {@code value} is a valid scope-token; for parsing untrusted input. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
