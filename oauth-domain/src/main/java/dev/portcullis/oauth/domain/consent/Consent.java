package dev.portcullis.oauth.domain.consent;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.Objects;

/**
 * Scopes a user allowed a client. A request within them is not asked again; a request for any
 * other scope is.
 *
 * @param subject   the user
 * @param clientId  the client
 * @param scope     the scopes allowed
 * @param grantedAt when the user last allowed them
 */
public record Consent(Subject subject, ClientId clientId, ScopeSet scope, Instant grantedAt) {

    public Consent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    /** Whether {@code requested} is within what was allowed. */
    public boolean covers(ScopeSet requested) {
        return scope.containsAll(requested);
    }
}
