package dev.portcullis.oauth.application.userinfo;

import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A live access token of this server, as {@link AccessTokenValidator} found it: what introspection
 * reports (RFC 7662 §2.2) and what the UserInfo endpoint needs.
 *
 * @param format    JWT or opaque
 * @param tokenId   its {@code jti}
 * @param issuer    its {@code iss}
 * @param clientId  its {@code client_id}
 * @param subject   its {@code sub}
 * @param scope     its {@code scope}; empty without one (RFC 9068 §2.2.3)
 * @param audience  its {@code aud} values
 * @param issuedAt  its {@code iat}
 * @param expiresAt its {@code exp}
 * @param notBefore its {@code nbf}, when it has one
 * @param grantId   the grant (refresh token family) it was minted for, when it was minted for a user
 * @param userinfoClaims the claims its grant asked for one by one for UserInfo (OIDC Core §5.5);
 *                  empty for none, and always for an opaque token
 */
public record ValidatedAccessToken(AccessTokenFormat format, String tokenId, String issuer, ClientId clientId,
                                   String subject, ScopeSet scope, List<String> audience, Instant issuedAt,
                                   Instant expiresAt, Optional<Instant> notBefore, Optional<String> grantId,
                                   Set<String> userinfoClaims) {

    public ValidatedAccessToken {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(grantId, "grantId");
        userinfoClaims = Set.copyOf(userinfoClaims);
    }
}
