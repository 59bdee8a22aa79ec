package dev.portcullis.oauth.domain.scope;

import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides the scope granted for a request (RFC 6749 §3.3). Stateless and thread-safe.
 */
public final class ScopePolicy {

    /**
     * The scope to grant.
     *
     * @param requested what the client asked for; empty when it sent no {@code scope} parameter
     * @param allowed   what the client's registration allows
     * @return {@code requested} when the client may have all of it; {@code allowed} when nothing
     *         was requested (the pre-defined default value of RFC 6749 §3.3)
     * @throws OAuthException {@code invalid_scope} when any requested scope is not allowed
     */
    public ScopeSet narrow(Optional<ScopeSet> requested, ScopeSet allowed) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(allowed, "allowed");
        if (requested.isEmpty()) {
            return allowed;
        }
        if (!allowed.containsAll(requested.get())) {
            throw OAuthException.of(StandardErrorCode.INVALID_SCOPE,
                    "The requested scope exceeds the scope registered for the client.");
        }
        return requested.get();
    }
}
