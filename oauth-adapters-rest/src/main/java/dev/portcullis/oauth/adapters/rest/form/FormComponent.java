package dev.portcullis.oauth.adapters.rest.form;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes one name or value of the {@code application/x-www-form-urlencoded} format: {@code +} is
 * a space, {@code %XX} is the byte with that hexadecimal value, and the resulting bytes must be
 * UTF-8. Used for form bodies and for the id and secret inside an HTTP Basic header
 * (RFC 6749 Appendix B). Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#appendix-B">RFC 6749 Appendix B</a>
 */
public final class FormComponent {

    private FormComponent() {
    }

    /**
     * Decodes {@code bytes[from..to)}.
     *
     * @return the text, or empty when a {@code %} is not followed by two hexadecimal digits or the
     *         decoded bytes are not well-formed UTF-8
     */
    public static Optional<String> decode(byte[] bytes, int from, int to) {
        Objects.requireNonNull(bytes, "bytes");
        Objects.checkFromToIndex(from, to, bytes.length);
        byte[] decoded = new byte[to - from];
        int length = 0;
        boolean ascii = true;
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b == '+') {
                b = ' ';
            } else if (b == '%') {
                if (i + 2 >= to) {
                    return Optional.empty();
                }
                int high = Character.digit(bytes[i + 1], 16);
                int low = Character.digit(bytes[i + 2], 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                b = (byte) (high << 4 | low);
                i += 2;
            }
            ascii &= b >= 0;
            decoded[length++] = b;
        }
        if (ascii) {
            return Optional.of(new String(decoded, 0, length, StandardCharsets.US_ASCII));
        }
        return utf8(decoded, length);
    }

    private static Optional<String> utf8(byte[] bytes, int length) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
