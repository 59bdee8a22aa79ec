package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.StandardClaims;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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
 * @param nonce     the {@code nonce} of the authorization request, echoed in the ID token (OIDC Core
 *                  §3.1.3.6); empty without one, and always on refresh (OIDC Core §12.2)
 * @param sessionId the {@code sid} of the browser session the user approved in; empty without one
 * @param authenticationMethods the {@code amr} values (RFC 8176 §2) of the user's authentication,
 *                  e.g. {@code pwd}; empty when unknown
 * @param claims    the individual claims the authorization request asked for (OIDC Core §5.5): the
 *                  ID token carries those asked for it, the access token the names of those asked
 *                  for UserInfo; both are kept with the refresh token family
 * @param resource  the resource (RFC 8707 §2) the grant is restricted to: its access tokens are for
 *                  that resource alone, and a token request may name no other; empty when the
 *                  grant names none
 */
public record UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                        GrantType grantType, Optional<RefreshFamily> family, Optional<String> nonce,
                        Optional<String> sessionId, List<String> authenticationMethods, ClaimsRequest claims,
                        Optional<URI> resource) {

    public UserGrant {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(sessionId, "sessionId");
        authenticationMethods = List.copyOf(authenticationMethods);
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(resource, "resource");
        if (grantId.isEmpty()) {
            throw new IllegalArgumentException("grantId must not be empty");
        }
    }

    /** A grant without a claims request, restricted to no resource. */
    public UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                     GrantType grantType, Optional<RefreshFamily> family, Optional<String> nonce,
                     Optional<String> sessionId, List<String> authenticationMethods) {
        this(subject, clientId, scope, authTime, grantId, grantType, family, nonce, sessionId, authenticationMethods,
                ClaimsRequest.NONE, Optional.empty());
    }

    /** A grant restricted to no resource. */
    public UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                     GrantType grantType, Optional<RefreshFamily> family, Optional<String> nonce,
                     Optional<String> sessionId, List<String> authenticationMethods, ClaimsRequest claims) {
        this(subject, clientId, scope, authTime, grantId, grantType, family, nonce, sessionId, authenticationMethods,
                claims, Optional.empty());
    }

    /** A grant without a claims request. */
    public UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                     GrantType grantType, Optional<RefreshFamily> family, Optional<String> nonce,
                     Optional<String> sessionId, List<String> authenticationMethods, Optional<URI> resource) {
        this(subject, clientId, scope, authTime, grantId, grantType, family, nonce, sessionId, authenticationMethods,
                ClaimsRequest.NONE, resource);
    }

    /** A grant without nonce, session or known authentication methods, e.g. a refresh. */
    public UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                     GrantType grantType, Optional<RefreshFamily> family) {
        this(subject, clientId, scope, authTime, grantId, grantType, family, Optional.empty(), Optional.empty(),
                List.of(), Optional.empty());
    }

    /** A grant that starts a new refresh token family. */
    public UserGrant(Subject subject, ClientId clientId, ScopeSet scope, Instant authTime, String grantId,
                     GrantType grantType) {
        this(subject, clientId, scope, authTime, grantId, grantType, Optional.empty());
    }

    /**
     * Whether the grant is an OpenID Connect one, whose tokens include an ID token: the scope it was
     * first granted with (the refresh token family's, else {@link #scope()}) contains {@code openid}
     * (OIDC Core §3.1.2.1, §12.2).
     */
    public boolean isOpenId() {
        return refreshTokenScope().contains(StandardClaims.OPENID);
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
