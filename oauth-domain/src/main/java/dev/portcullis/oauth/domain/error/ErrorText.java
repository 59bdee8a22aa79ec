package dev.portcullis.oauth.domain.error;

/** Character rules for the {@code error} and {@code error_description} parameters (RFC 6749 Appendix A). */
final class ErrorText {

    private ErrorText() {
    }

    /** RFC 6749 A.7 and A.8: {@code %x20-21 / %x23-5B / %x5D-7E} (no quote, no backslash). */
    static boolean isErrorChars(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
