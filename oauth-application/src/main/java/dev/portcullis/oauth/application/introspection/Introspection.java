package dev.portcullis.oauth.application.introspection;

import dev.portcullis.oauth.domain.client.ClientId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An introspection answer (RFC 7662 §2.2), for the client that asked.
 *
 * @param caller   the authenticated client that asked; the {@code aud} of a JWT response (RFC 9701 §5)
 * @param response the top-level members: {@code active}, and for an active token its standard fields
 */
public record Introspection(ClientId caller, Map<String, Object> response) {

    public Introspection {
        Objects.requireNonNull(caller, "caller");
        // Kept in insertion order, so that the JSON reads active first.
        response = Collections.unmodifiableMap(new LinkedHashMap<>(response));
    }

    /** RFC 7662 §2.2: {@code {"active": false}}, and nothing else. */
    public static Introspection inactive(ClientId caller) {
        return new Introspection(caller, Map.of("active", false));
    }

    /** Whether the token is active. */
    public boolean active() {
        return Boolean.TRUE.equals(response.get("active"));
    }
}
