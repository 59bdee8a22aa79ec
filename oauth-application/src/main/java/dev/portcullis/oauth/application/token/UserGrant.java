package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.Objects;

/**
 * What a user allowed a client to do, as the tokens minted for it carry it.
 *
 * @param subject   the user, the {@code sub} of the tokens
 * @param clientId  the client the tokens are issued to
 * @param scope     the granted scope
 * @param authTime  when the user authenticated (OIDC Core §2 {@code auth_time}, RFC 9068 §2.2.1)
 * @param grantId   the family every token of this grant belongs to, so that all can be revoked
 *                  together (RFC 6749 §4.1.2, RFC 9700 §4.14.2)
 * @param grantType the grant that produced the tokens (for audit and metrics)
 */
public record UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                        GrantType grantType) {

    public UserGrant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(grantType, "grantType");
        if (grantId.isEmpty()) {
            throw new IllegalArgumentException("grantId must not be empty");
        }
    }

    /** The access token part: the user as {@code sub}. */
    public AccessGrant accessGrant() {
        return new AccessGrant(subject.value(), clientId, scope, grantType);
    }
}
