package dev.portcullis.oauth.application.logout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a verified {@code id_token_hint} says.
 *
 * @param audience the {@code aud} values: the clients the ID token was issued to, never empty
 * @param sid      the session the ID token was issued in; empty when it has no {@code sid}
 */
record IdTokenHint(List<String> audience, Optional<String> sid) {

    IdTokenHint {
        audience = List.copyOf(audience);
        Objects.requireNonNull(sid, "sid");
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("audience must not be empty");
        }
    }
}
