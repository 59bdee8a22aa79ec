package dev.portcullis.oauth.domain.key;

import java.util.Objects;

/**
 * A key identifier, published as the JWK and JWS {@code kid} (RFC 7517 §4.5).
 *
 * @param value 1 to 128 characters of {@code [A-Za-z0-9._-]}
 */
public record KeyId(String value) {

    public KeyId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 128 || !value.chars().allMatch(KeyId::allowed)) {
            throw new IllegalArgumentException("kid must be 1 to 128 characters of [A-Za-z0-9._-]");
        }
    }

    private static boolean allowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    @Override
    public String toString() {
        return value;
    }
}
