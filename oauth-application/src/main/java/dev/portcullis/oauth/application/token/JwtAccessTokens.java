package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.TokenSigner;
import dev.portcullis.oauth.domain.port.TokenValueGenerator;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.token.TokenValue;
import dev.portcullis.oauth.domain.user.StandardClaims;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Mints RFC 9068 JWT access tokens, the opaque refresh tokens of user grants, and the ID tokens
 * of OpenID Connect grants (OIDC Core §2). A JWT access
 * token is not stored (it is verified from JWKS); a refresh token is stored as its hash only
 * (DESIGN.md "Storage"). Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-2">RFC 9068 §2</a>
 */
public final class JwtAccessTokens {

    /** RFC 9068 §2.1: the {@code typ} header of a JWT access token. */
    public static final String TYPE = "at+jwt";

    /**
     * The private claim (RFC 7519 §4.3) of an access token that lists the claims its grant asked
     * for one by one for UserInfo (OIDC Core §5.5), so that {@code /userinfo} releases them.
     */
    public static final String USERINFO_CLAIMS = "userinfo_claims";

    /**
     * Our claim naming the grant (refresh token family) a user's access token was minted for, so
     * that revoking the family revokes its JWT access tokens (RFC 7009 §2.1); see
     * {@link #grantDenyListEntry(String)}. An opaque random identifier, never a secret.
     */
    public static final String GRANT_ID_CLAIM = "grant_id";

    /**
     * The deny-list entry of a revoked grant: a JWT access token whose {@link #GRANT_ID_CLAIM} is
     * {@code grantId} is revoked while it is listed. Never collides with a {@code jti}, which the
     * server generates without a colon.
     */
    public static String grantDenyListEntry(String grantId) {
        return "grant:" + grantId;
    }

    private final ServerSettings settings;
    private final String issuer;
    private final TokenSigner signer;
    private final TokenValueGenerator values;
    private final EventPublisher events;
    private final Clock clock;
    private final Optional<RefreshTokenRepository> refreshTokens;
    private final IdTokens idTokens;
    private final Optional<IdentityBackend> identities;
    private final Optional<ResourceIndicators> resources;
    private final Optional<OpaqueAccessTokenRepository> opaqueTokens;

    /**
     * Access tokens only: enough for grants without a user, such as client_credentials. A user
     * grant whose client may refresh fails with {@link IllegalStateException}.
     */
    public JwtAccessTokens(ServerSettings settings, TokenSigner signer, TokenValueGenerator values,
                           EventPublisher events, Clock clock) {
        this(settings, signer, values, events, clock, Optional.empty());
    }

    /** Access tokens, and refresh tokens stored in {@code refreshTokens}. */
    public JwtAccessTokens(ServerSettings settings, TokenSigner signer, TokenValueGenerator values,
                           EventPublisher events, Clock clock, RefreshTokenRepository refreshTokens) {
        this(settings, signer, values, events, clock,
                Optional.of(Objects.requireNonNull(refreshTokens, "refreshTokens")));
    }

    private JwtAccessTokens(ServerSettings settings, TokenSigner signer, TokenValueGenerator values,
                            EventPublisher events, Clock clock, Optional<RefreshTokenRepository> refreshTokens) {
        this(settings, signer, values, events, clock, refreshTokens, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private JwtAccessTokens(ServerSettings settings, TokenSigner signer, TokenValueGenerator values,
                            EventPublisher events, Clock clock, Optional<RefreshTokenRepository> refreshTokens,
                            Optional<ResourceIndicators> resources, Optional<OpaqueAccessTokenRepository> opaqueTokens,
                            Optional<IdentityBackend> identities) {
        this.resources = resources;
        this.opaqueTokens = opaqueTokens;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.issuer = settings.issuer().toString();
        this.signer = Objects.requireNonNull(signer, "signer");
        this.values = Objects.requireNonNull(values, "values");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.refreshTokens = refreshTokens;
        this.idTokens = new IdTokens(issuer, signer);
        this.identities = identities;
    }

    /**
     * These minting rules, with ID tokens that carry the claims a grant asked for one by one
     * (OIDC Core §5.5) read from {@code identities}. Without it such claims are left out.
     */
    public JwtAccessTokens withClaimsFrom(IdentityBackend identities) {
        return new JwtAccessTokens(settings, signer, values, events, clock, refreshTokens, resources, opaqueTokens,
                Optional.of(Objects.requireNonNull(identities, "identities")));
    }

    /**
     * The same minting, with the audience of each token decided by {@code value} (RFC 8707)
     * instead of always the default audience.
     */
    public JwtAccessTokens withResources(ResourceIndicators value) {
        return new JwtAccessTokens(settings, signer, values, events, clock, refreshTokens,
                Optional.of(Objects.requireNonNull(value, "resources")), opaqueTokens, identities);
    }

    /**
     * The same minting, with opaque access tokens stored in {@code repository} for clients whose
     * {@link Client#accessTokenFormat()} is {@link AccessTokenFormat#OPAQUE}. Without it such a
     * client's token request fails with {@link IllegalStateException}.
     */
    public JwtAccessTokens withOpaqueTokens(OpaqueAccessTokenRepository repository) {
        return new JwtAccessTokens(settings, signer, values, events, clock, refreshTokens, resources,
                Optional.of(Objects.requireNonNull(repository, "opaqueTokens")), identities);
    }

    /** An issuer bound to {@code client}, for one request that names no resource. */
    public TokenIssuer issuerFor(Client client) {
        return issuerFor(client, Optional.empty());
    }

    /**
     * An issuer bound to {@code client}, for one request that names {@code resource} (RFC 8707
     * §2): every token it mints has that resource alone as its audience.
     *
     * @throws OAuthException {@code invalid_target} when {@code resource} is not a registered resource
     */
    public TokenIssuer issuerFor(Client client, Optional<URI> resource) {
        Objects.requireNonNull(resource, "resource");
        resource.ifPresent(requested -> resources.orElseThrow(() -> new OAuthException(
                new OAuthError(StandardErrorCode.INVALID_TARGET, ResourceIndicators.UNKNOWN),
                "no resources are registered")).requireKnown(requested));
        return new BoundIssuer(Objects.requireNonNull(client, "client"), resource);
    }

    private final class BoundIssuer implements TokenIssuer {

        private final Client client;
        private final Optional<URI> resource;

        BoundIssuer(Client client, Optional<URI> resource) {
            this.client = client;
            this.resource = resource;
        }

        @Override
        public List<String> audience(ScopeSet scope, Optional<URI> grantResource) {
            // RFC 8707 §2.2: a grant restricted to a resource yields tokens for that resource only.
            if (grantResource.isPresent() && resource.isPresent()
                    && !grantResource.get().toString().equals(resource.get().toString())) {
                throw new OAuthException(new OAuthError(StandardErrorCode.INVALID_TARGET, ResourceIndicators.NOT_GRANTED),
                        "resource " + resource.get() + " outside the grant's " + grantResource.get());
            }
            return JwtAccessTokens.this.audience(scope, resource.or(() -> grantResource));
        }

        @Override
        public TokenResponse accessTokenOnly(AccessGrant grant) {
            requireBoundClient(grant);
            Instant now = Instant.now(clock);
            AccessToken token = mint(client, grant, Optional.empty(), Optional.empty(),
                    audience(grant.scope(), Optional.empty()), Set.of(), now);
            publish(now, grant, token);
            return new TokenResponse(token.value(), TokenResponse.BEARER, token.lifetime(), grant.scope(), Optional.empty());
        }

        @Override
        public IssuedTokens forUser(UserGrant grant) {
            AccessGrant access = grant.accessGrant();
            requireBoundClient(access);
            Instant now = Instant.now(clock);
            AccessToken token = mint(client, access, Optional.of(grant.authTime()), Optional.of(grant.grantId()),
                    audience(access.scope(), grant.resource()), grant.claims().userinfo(), now);
            Optional<TokenValue> refresh = refreshTokenDue(client, grant)
                    ? Optional.of(storeRefreshToken(client, grant, now))
                    : Optional.empty();
            // OIDC Core §3.1.3.3 with openid; §12.2 on refresh, with the same sub and auth_time.
            Optional<TokenValue> idToken = grant.isOpenId()
                    ? Optional.of(idTokens.mint(client, grant, token.value(), now, token.expiresAt(),
                            requestedIdTokenClaims(grant)))
                    : Optional.empty();
            publish(now, access, token);
            TokenResponse response = new TokenResponse(token.value(), TokenResponse.BEARER, token.lifetime(),
                    grant.scope(), refresh, idToken);
            return new IssuedTokens(response, token.id(), token.expiresAt());
        }

        private void requireBoundClient(AccessGrant grant) {
            if (!grant.clientId().equals(client.id())) {
                throw new IllegalArgumentException("a handler may mint only for the authenticated client");
            }
        }
    }

    /**
     * RFC 6749 §1.5: issued at the server's discretion; here to clients allowed the refresh_token
     * grant. OIDC Core §11: an OpenID grant gets one only when {@code offline_access} was granted.
     */
    private static boolean refreshTokenDue(Client client, UserGrant grant) {
        if (!client.mayUse(GrantType.REFRESH_TOKEN)) {
            return false;
        }
        return !grant.isOpenId() || grant.refreshTokenScope().contains(StandardClaims.OFFLINE_ACCESS);
    }

    /**
     * OIDC Core §5.5: the values of the claims the grant asked for in the ID token, those the user
     * has; none without an Identity Backend or when the user is gone.
     *
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the backend cannot answer
     */
    private Map<String, Object> requestedIdTokenClaims(UserGrant grant) {
        Set<String> names = grant.claims().idToken();
        if (names.isEmpty() || identities.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> found = new LinkedHashMap<>();
        identities.get().claims(grant.subject()).ifPresent(user -> user.claims().forEach((name, value) -> {
            if (names.contains(name)) {
                found.put(name, value);
            }
        }));
        return found;
    }

    private List<String> audience(ScopeSet scope, Optional<URI> requested) {
        if (resources.isEmpty()) {
            return List.of(settings.accessTokenAudience());
        }
        return resources.get().audience(scope, requested);
    }

    private AccessToken mint(Client client, AccessGrant grant, Optional<Instant> authTime, Optional<String> grantId,
                             List<String> audience, Set<String> userinfoClaims, Instant now) {
        Duration lifetime = client.lifetimes().accessToken();
        String jti = values.identifier();
        long iat = now.getEpochSecond();
        long exp = iat + lifetime.toSeconds();
        if (client.accessTokenFormat() == AccessTokenFormat.OPAQUE) {
            OpaqueAccessTokenRepository repository = opaqueTokens.orElseThrow(() -> new IllegalStateException(
                    "client " + client.id() + " has opaque access tokens but no repository is configured"));
            // 256 bits from the generator; only the hash is stored (DESIGN.md "Storage").
            TokenValue value = new TokenValue(values.tokenValue());
            repository.save(new OpaqueAccessToken(TokenHash.of(value.value()), jti, grantId, client.id(),
                    grant.subject(), grant.scope(), audience, Instant.ofEpochSecond(iat), Instant.ofEpochSecond(exp),
                    false));
            return new AccessToken(value, jti, Instant.ofEpochSecond(exp), lifetime);
        }
        return sign(client, grant, authTime, grantId, audience, userinfoClaims, jti, iat, exp, lifetime);
    }

    private AccessToken sign(Client client, AccessGrant grant, Optional<Instant> authTime, Optional<String> grantId,
                             List<String> audience, Set<String> userinfoClaims, String jti, long iat, long exp,
                             Duration lifetime) {
        // RFC 9068 §2.2: iss, exp, aud, sub, client_id, iat, jti are REQUIRED; scope per §2.2.3.
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", grant.subject());
        // RFC 7519 §4.1.3: one audience as a string, several as an array.
        claims.put("aud", audience.size() == 1 ? audience.get(0) : audience);
        claims.put("client_id", client.id().value());
        claims.put("iat", iat);
        claims.put("exp", exp);
        claims.put("jti", jti);
        if (!grant.scope().isEmpty()) {
            claims.put("scope", grant.scope().toParameter());
        }
        // RFC 9068 §2.2.1: auth_time when the token is about an authenticated user.
        authTime.ifPresent(time -> claims.put("auth_time", time.getEpochSecond()));
        if (!userinfoClaims.isEmpty()) {
            claims.put(USERINFO_CLAIMS, userinfoClaims.stream().sorted().toList());
        }
        grantId.ifPresent(id -> claims.put(GRANT_ID_CLAIM, id));
        SigningAlgorithm algorithm = client.accessTokenSigningAlgorithm().orElse(settings.signingAlgorithm());
        TokenValue token = new TokenValue(signer.sign(algorithm, TYPE, claims));
        return new AccessToken(token, jti, Instant.ofEpochSecond(exp), lifetime);
    }

    private TokenValue storeRefreshToken(Client client, UserGrant grant, Instant now) {
        RefreshTokenRepository repository = refreshTokens.orElseThrow(() -> new IllegalStateException(
                "client " + client.id() + " may use refresh_token but no refresh token repository is configured"));
        // A new family: 256 bits from the generator. A rotation: the successor derived from the
        // presented token, the same for concurrent requests. Only the hash is stored (DESIGN.md "Storage").
        TokenValue value = grant.family().map(RefreshFamily::successor)
                .orElseGet(() -> new TokenValue(values.tokenValue()));
        // RFC 9700 §4.14.2: a rotated token continues its family, whose absolute end never moves;
        // each token also expires after the client's idle lifetime, but never after its family.
        Instant familyExpiresAt = grant.family().map(RefreshFamily::expiresAt)
                .orElseGet(() -> now.plus(client.lifetimes().refreshToken()));
        Instant idleExpiresAt = now.plus(client.lifetimes().refreshTokenIdle());
        Instant expiresAt = idleExpiresAt.isBefore(familyExpiresAt) ? idleExpiresAt : familyExpiresAt;
        RefreshToken token = new RefreshToken(TokenHash.of(value.value()), grant.grantId(), client.id(),
                grant.subject(), grant.refreshTokenScope(), grant.authTime(), now, expiresAt, familyExpiresAt,
                Optional.empty(), false, grant.sessionId(), grant.authenticationMethods(), grant.claims(),
                grant.resource());
        if (grant.family().isEmpty()) {
            repository.save(token);
            return value;
        }
        // A request presenting the same token within the grace period stored this successor first:
        // the family has one live token, which both requests hand out. Stored without a failed
        // INSERT, which would spoil the unit of work the grant runs in.
        if (!repository.saveIfAbsent(token)) {
            boolean sameFamily = repository.findByHash(token.tokenHash())
                    .filter(stored -> stored.grantId().equals(grant.grantId()))
                    .isPresent();
            if (!sameFamily) {
                throw new IllegalStateException("a refresh token of another grant has the successor's hash");
            }
        }
        return value;
    }

    private void publish(Instant now, AccessGrant grant, AccessToken token) {
        events.publish(new TokenIssued(now, grant.clientId(), grant.subject(), grant.grantType(), grant.scope(),
                token.id()));
    }

    /** A signed access token and what identifies it; never leaves this class but through {@link IssuedTokens}. */
    private record AccessToken(TokenValue value, String id, Instant expiresAt, Duration lifetime) {
    }
}
