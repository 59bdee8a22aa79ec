package dev.portcullis.oauth.domain.error;

import java.util.Objects;

/**
 * An OAuth error as the client sees it: the code and a short, fixed English description.
 *
 * @param code        the error code
 * @param description a fixed sentence for the client developer (RFC 6749 Appendix A.8 characters);
 *                    it names the offending parameter and never echoes input
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public record OAuthError(ErrorCode code, String description) {

    public OAuthError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        if (description.isBlank() || !ErrorText.isErrorChars(description)) {
            throw new IllegalArgumentException("description must be non-blank RFC 6749 A.8 text");
        }
    }

    /**
     * {@code text} (a rule's message written for people, never input) as description characters
     * (RFC 6749 A.8: printable ASCII without quote or backslash): the section sign spelt out,
     * anything else outside the set replaced by {@code ?}.
     */
    public static String descriptionText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : String.valueOf(text).replace("\u00a7", "section ").toCharArray()) {
            out.append(c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '?' : c);
        }
        return out.toString();
    }
}
