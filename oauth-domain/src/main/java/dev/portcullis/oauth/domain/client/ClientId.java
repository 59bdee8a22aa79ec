package dev.portcullis.oauth.domain.client;

import java.util.Objects;

/**
 * A client identifier (RFC 6749 §2.2): 1 to 255 visible ASCII characters ({@code %x20-7E}, as the
 * {@code client_id} syntax of RFC 6749 Appendix A.1), not starting or ending with a space.
 *
 * @param value the identifier as issued
 */
public record ClientId(String value) {

    /** The longest identifier accepted; a bound on what is looked up and stored. */
    public static final int MAX_LENGTH = 255;

    public ClientId {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("client_id must be 1 to 255 characters of %x20-7E (RFC 6749 A.1)");
        }
    }

    /** Whether {@code value} is a syntactically valid client identifier; for parsing untrusted input. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        if (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7E) {
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
