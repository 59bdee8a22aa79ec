package dev.portcullis.oauth.domain.error;

import java.util.Objects;

/**
 * An error code defined by a custom grant (RFC 6749 §8.5). Its characters are those of
 * RFC 6749 Appendix A.7: {@code %x20-21 / %x23-5B / %x5D-7E}, and it may not shadow a standard code.
 *
 * @param value the code as sent in the {@code error} parameter
 */
public record ExtensionErrorCode(String value) implements ErrorCode {

    public ExtensionErrorCode {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || !ErrorText.isErrorChars(value)) {
            throw new IllegalArgumentException("error code must be 1*( %x20-21 / %x23-5B / %x5D-7E ) (RFC 6749 A.7)");
        }
        for (StandardErrorCode standard : StandardErrorCode.values()) {
            if (standard.value().equals(value)) {
                throw new IllegalArgumentException("use StandardErrorCode." + standard.name() + " for " + value);
            }
        }
    }
}
