package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;

/**
 * An access token was issued.
 *
 * @param at        issue time ({@code iat})
 * @param clientId  the client it was issued to
 * @param subject   its {@code sub}
 * @param grantType the grant used
 * @param scope     the granted scope
 * @param tokenId   its {@code jti}, which identifies it without revealing it
 */
public record TokenIssued(Instant at, ClientId clientId, String subject, GrantType grantType, ScopeSet scope,
                          String tokenId) implements OAuthEvent {

    public TokenIssued {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
