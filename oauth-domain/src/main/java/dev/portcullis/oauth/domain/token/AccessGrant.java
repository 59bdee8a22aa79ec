package dev.portcullis.oauth.domain.token;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.util.Objects;

/**
 * What an access token stands for: who it is about, which client holds it, what it may do, and
 * how it was obtained.
 *
 * @param subject   the {@code sub}: the resource owner, or the client itself for client_credentials
 * @param clientId  the client the token is issued to
 * @param scope     the granted scope
 * @param grantType the grant that produced it (for audit and metrics)
 */
public record AccessGrant(String subject, ClientId clientId, ScopeSet scope, GrantType grantType) {

    public AccessGrant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(grantType, "grantType");
        if (subject.isEmpty() || subject.length() > 255) {
            throw new IllegalArgumentException("subject must be 1 to 255 characters (OIDC Core §2)");
        }
    }

    /** RFC 9068 §2.2: with no resource owner, {@code sub} is the client's own identifier. */
    public static AccessGrant forClient(ClientId clientId, ScopeSet scope) {
        return new AccessGrant(clientId.value(), clientId, scope, GrantType.CLIENT_CREDENTIALS);
    }

    /** The same grant obtained through another grant type (used by extension grants). */
    public AccessGrant via(GrantType type) {
        return new AccessGrant(subject, clientId, scope, type);
    }
}
