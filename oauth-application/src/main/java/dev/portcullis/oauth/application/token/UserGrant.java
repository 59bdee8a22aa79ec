package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user allowed a client to do, as the tokens minted for it carry it.
 *
 * @param subject   the user, the {@code sub} of the tokens
 * @param clientId  the client the tokens are issued to
 * @param scope     the scope of the access token
 * @param authTime  when the user authenticated (OIDC Core §2 {@code auth_time}, RFC 9068 §2.2.1)
 * @param grantId   the family every token of this grant belongs to, so that all can be revoked
 *                  together (RFC 6749 §4.1.2, RFC 9700 §4.14.2)
 * @param grantType the grant that produced the tokens (for audit and metrics)
 * @param family    the refresh token family a new refresh token continues when a refresh token is
 *                  rotated; empty when the grant starts a family, whose refresh tokens then carry
 *                  {@code scope} and end the client's absolute refresh token lifetime from now
 */
public record UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                        GrantType grantType, Optional<RefreshFamily> family) {

    public UserGrant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(family, "family");
        if (grantId.isEmpty()) {
            throw new IllegalArgumentException("grantId must not be empty");
        }
    }

    /** A grant that starts a new refresh token family. */
    public UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                     GrantType grantType) {
        this(subject, clientId, scope, authTime, grantId, grantType, Optional.empty());
    }

    /** The access token part: the user as {@code sub}. */
    public AccessGrant accessGrant() {
        return new AccessGrant(subject.value(), clientId, scope, grantType);
    }

    /** The scope of the refresh token to issue: the family's, else {@link #scope()}. */
    public ScopeSet refreshTokenScope() {
        return family.map(RefreshFamily::scope).orElse(scope);
    }
}
