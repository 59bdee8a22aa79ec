package dev.portcullis.oauth.adapters.rest.authorization;

import dev.portcullis.oauth.adapters.rest.form.FormComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the parameters of an authorization request, from a raw query string or a form body, keeping
 * every value of a repeated name so that the use case can refuse the repeat where it is safe to
 * say so (RFC 6749 §3.1). Parameters sent without a value count as omitted (RFC 6749 §3.1).
 * Stateless and thread-safe.
 */
final class AuthorizationParameters {

    private AuthorizationParameters() {
    }

    /** The parameters of the raw query {@code raw} (null when the URI has none). */
    static Optional<Map<String, List<String>>> parse(String raw) {
        return parse(raw == null ? new byte[0] : raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The parameters of {@code bytes}; empty when a name or value is not valid percent-encoded UTF-8. */
    static Optional<Map<String, List<String>>> parse(byte[] bytes) {
        Map<String, List<String>> parameters = new HashMap<>();
        int start = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '&', start);
            if (end > start) {
                int equals = indexOf(bytes, (byte) '=', start, end);
                Optional<String> name = FormComponent.decode(bytes, start, equals);
                Optional<String> value = equals >= end ? Optional.of("") : FormComponent.decode(bytes, equals + 1, end);
                if (name.isEmpty() || value.isEmpty() || name.get().isEmpty()) {
                    return Optional.empty();
                }
                if (!value.get().isEmpty()) {
                    parameters.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(value.get());
                }
            }
            start = end + 1;
        }
        return Optional.of(parameters);
    }

    private static int indexOf(byte[] bytes, byte target, int from) {
        return indexOf(bytes, target, from, bytes.length);
    }

    private static int indexOf(byte[] bytes, byte target, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == target) {
                return i;
            }
        }
        return to;
    }
}
