package dev.portcullis.oauth.domain.token;

import java.util.Objects;

/**
 * A bearer credential in clear: an access, refresh or ID token, or a code, as it is handed to a
 * client. Never stored, never logged ({@link #toString()} redacts it).
 *
 * @param value the token text
 */
public record TokenValue(String value) {

    public TokenValue {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("token value must not be empty");
        }
    }

    @Override
    public String toString() {
        return "TokenValue[redacted]";
    }
}
