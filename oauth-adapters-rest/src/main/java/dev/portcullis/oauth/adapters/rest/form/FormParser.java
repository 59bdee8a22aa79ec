package dev.portcullis.oauth.adapters.rest.form;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parses an {@code application/x-www-form-urlencoded} body strictly. Stateless and thread-safe.
 *
 * <ul>
 *   <li>Pairs are separated by {@code &}; empty pairs ({@code a=1&&b=2}, a trailing {@code &}) are skipped.</li>
 *   <li>A pair without {@code =} is a name with an empty value; a pair with an empty name is refused.</li>
 *   <li>Names and values are decoded by {@link FormComponent}; a malformed escape or bad UTF-8 is refused.</li>
 *   <li>RFC 6749 §3.2: "Request and response parameters MUST NOT be included more than once", so a name
 *       seen twice is refused, whatever its values.</li>
 *   <li>RFC 6749 §3.1: "Parameters sent without a value MUST be treated as if they were omitted from the
 *       request". A parameter with an empty value is therefore left out of the result, so that
 *       {@code client_secret=} is no secret and {@code scope=} asks for the default scope. It still
 *       counts as a repeat when its name appears again.</li>
 * </ul>
 */
public final class FormParser {

    /** The longest parameter name echoed in a description; longer or unusual names are not echoed. */
    private static final int MAX_ECHOED_NAME = 64;

    private FormParser() {
    }

    /**
     * Parses {@code body[0..length)}.
     *
     * @return the parameters with non-empty values, each name once
     * @throws OAuthException {@code invalid_request} when the body is malformed or repeats a name
     */
    public static Map<String, String> parse(byte[] body, int length) {
        Objects.requireNonNull(body, "body");
        Objects.checkFromToIndex(0, length, body.length);
        Map<String, String> parameters = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int start = 0;
        while (start < length) {
            int end = indexOf(body, (byte) '&', start, length);
            if (end > start) {
                parsePair(body, start, end, seen, parameters);
            }
            start = end + 1;
        }
        return Collections.unmodifiableMap(parameters);
    }

    private static void parsePair(byte[] body, int start, int end, Set<String> seen, Map<String, String> parameters) {
        int equals = indexOf(body, (byte) '=', start, end);
        if (equals == start) {
            throw malformed("a parameter has an empty name");
        }
        String name = FormComponent.decode(body, start, equals).orElseThrow(() -> malformed("bad escape in a name"));
        String value = equals == end ? "" : FormComponent.decode(body, equals + 1, end)
                .orElseThrow(() -> malformed("bad escape in the value of " + safeName(name)));
        if (!seen.add(name)) {
            throw repeated(name);
        }
        if (!value.isEmpty()) {
            parameters.put(name, value);
        }
    }

    private static int indexOf(byte[] bytes, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return to;
    }

    private static OAuthException malformed(String detail) {
        return new OAuthException(new OAuthError(StandardErrorCode.INVALID_REQUEST,
                "The request body is not valid application/x-www-form-urlencoded."), detail);
    }

    private static OAuthException repeated(String name) {
        // The description names the parameter only when the name is short and plain, so that it never
        // carries arbitrary input (and stays within the characters of RFC 6749 Appendix A.8).
        String description = isPlain(name)
                ? "The " + name + " parameter is repeated."
                : "A request parameter is repeated.";
        return OAuthException.of(StandardErrorCode.INVALID_REQUEST, description);
    }

    private static String safeName(String name) {
        return isPlain(name) ? name : "a parameter";
    }

    private static boolean isPlain(String name) {
        if (name.isEmpty() || name.length() > MAX_ECHOED_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '_' || c == '-' || c == '.';
            if (!plain) {
                return false;
            }
        }
        return true;
    }
}
