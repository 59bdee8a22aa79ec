package dev.portcullis.oauth.application.userinfo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Checks that a presented access token is a live one of this server, in either format, for the
 * UserInfo endpoint and introspection. Thread-safe.
 *
 * <p>A JWT is accepted only when it is an RFC 9068 access token ({@code typ} {@code at+jwt})
 * signed by one of the server's own published keys with the algorithm that key is published for,
 * issued by this server, not expired, and neither its {@code jti} nor its grant on the deny list
 * (RFC 9068 §4). Anything that does not parse as a JWT is looked up by hash among the stored
 * opaque tokens, which must be neither revoked nor expired.
 *
 * <p>A JWT that passed every check is remembered in a bounded {@link VerifiedTokenCache} under the
 * SHA-256 of its exact bytes, so that presenting the same token again skips parsing and the
 * signature check (RFC 7515 §5.2) but nothing else: the header is checked against the keys
 * published now, and {@code iss}, {@code exp} and the deny list are checked on every call. An entry
 * counts only while the key ring still holds the very verifier that accepted it; any change to the
 * published keys rebuilds the verifiers and drops the cache.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
public final class AccessTokenValidator {

    /** Neither a JWS nor a stored opaque token. */
    public static final String MALFORMED = "The access token is malformed.";
    /** Wrong type, algorithm, key, signature, issuer, or a required claim missing. */
    public static final String INVALID = "The access token is invalid.";
    /** RFC 9068 §4: the current time is after {@code exp}. */
    public static final String EXPIRED = "The access token has expired.";
    /** The token, or its grant, was revoked. */
    public static final String REVOKED = "The access token has been revoked.";

    private static final JOSEObjectType MEDIA_TYPE = new JOSEObjectType("application/at+jwt");

    private final String issuer;
    private final Set<JWSAlgorithm> algorithms;
    private final AccessTokenVerifiers verifiers;
    private final RevokedAccessTokenRepository revoked;
    private final Optional<OpaqueAccessTokenRepository> opaqueTokens;
    private final Clock clock;
    private final VerifiedTokenCache verified;

    /**
     * With a cache of {@value VerifiedTokenCache#DEFAULT_MAX_ENTRIES} verified tokens.
     *
     * @param settings     the issuer and the algorithms the server signs with
     * @param ring         the server's keys; tokens are verified against its published JWK set
     * @param revoked      the deny list of JWT access tokens and grants revoked before they expire
     * @param opaqueTokens the stored opaque access tokens; empty when the server mints none
     * @param clock        the source of "now" for {@code exp}
     */
    public AccessTokenValidator(ServerSettings settings, SigningKeyRing ring, RevokedAccessTokenRepository revoked,
                                Optional<OpaqueAccessTokenRepository> opaqueTokens, Clock clock) {
        this(settings, ring, revoked, opaqueTokens, clock, VerifiedTokenCache.DEFAULT_MAX_ENTRIES);
    }

    /**
     * @param settings       the issuer and the algorithms the server signs with
     * @param ring           the server's keys; tokens are verified against its published JWK set
     * @param revoked        the deny list of JWT access tokens and grants revoked before they expire
     * @param opaqueTokens   the stored opaque access tokens; empty when the server mints none
     * @param clock          the source of "now" for {@code exp}
     * @param verifiedTokens how many verified JWTs are remembered at most; 0 verifies every time
     * @throws IllegalArgumentException when {@code verifiedTokens} is negative
     */
    public AccessTokenValidator(ServerSettings settings, SigningKeyRing ring, RevokedAccessTokenRepository revoked,
                                Optional<OpaqueAccessTokenRepository> opaqueTokens, Clock clock, int verifiedTokens) {
        this(settings, ring, revoked, opaqueTokens, clock, verifiedTokens, UnaryOperator.identity());
    }

    /** As above, with every signature verifier wrapped by {@code decorator} (tests count with it). */
    AccessTokenValidator(ServerSettings settings, SigningKeyRing ring, RevokedAccessTokenRepository revoked,
                         Optional<OpaqueAccessTokenRepository> opaqueTokens, Clock clock, int verifiedTokens,
                         UnaryOperator<JWSVerifier> decorator) {
        Objects.requireNonNull(settings, "settings");
        this.issuer = settings.issuer().toString();
        this.algorithms = settings.enabledSigningAlgorithms().stream()
                .map(SigningAlgorithm::jwsName).map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        this.verified = new VerifiedTokenCache(verifiedTokens);
        // Fail closed on key changes: a rebuild for a new JWK set drops every remembered verification.
        this.verifiers = new AccessTokenVerifiers(ring, decorator, verified::clear);
        this.revoked = Objects.requireNonNull(revoked, "revoked");
        this.opaqueTokens = Objects.requireNonNull(opaqueTokens, "opaqueTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The token, when it is live.
     *
     * @throws OAuthException {@code invalid_token} with {@link #MALFORMED}, {@link #INVALID},
     *                        {@link #EXPIRED} or {@link #REVOKED} otherwise (RFC 6750 §3.1)
     */
    public ValidatedAccessToken validate(TokenValue accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        VerifiedTokenCache.Digest digest = verified.digestOf(accessToken.value());
        if (digest != null) {
            VerifiedTokenCache.Entry hit = verified.find(digest);
            if (hit != null && remembered(hit)) {
                return live(hit.claims());
            }
        }
        JWT parsed;
        try {
            parsed = JWTParser.parse(accessToken.value());
        } catch (ParseException e) {
            return opaque(accessToken);
        }
        // An unsecured (alg none) or encrypted JWT is never one of ours.
        if (!(parsed instanceof SignedJWT jwt)) {
            throw refused(INVALID, "not a signed JWT");
        }
        AccessTokenVerifiers.KeyVerifier key = verify(jwt);
        JWTClaimsSet claims = claims(jwt);
        ValidatedAccessToken token = live(claims);
        // Only a token that passed every check is remembered, and never past its exp.
        if (digest != null) {
            verified.put(new VerifiedTokenCache.Entry(digest, jwt.getHeader(), claims, key, token.expiresAt()));
        }
        return token;
    }

    /** How many verified tokens are remembered now. */
    int cachedTokens() {
        return verified.size();
    }

    /**
     * Whether {@code hit} still stands for a verified signature: its token has not expired and the
     * header still names, with the same algorithm, the very verifier that accepted it. A header the
     * current keys refuse throws as {@link #verify} would; a stale entry is dropped.
     */
    private boolean remembered(VerifiedTokenCache.Entry hit) {
        if (!Instant.now(clock).isBefore(hit.expiresAt())) {
            verified.remove(hit);
            return false;
        }
        AccessTokenVerifiers.KeyVerifier current;
        try {
            current = key(hit.header());
        } catch (OAuthException refused) {
            verified.remove(hit);
            throw refused;
        }
        if (current != hit.key()) {
            verified.remove(hit);
            return false;
        }
        return true;
    }

    private ValidatedAccessToken opaque(TokenValue accessToken) {
        OpaqueAccessToken token = opaqueTokens.flatMap(repository -> repository.findByHash(TokenHash.of(accessToken.value())))
                .orElseThrow(() -> refused(MALFORMED, "neither a JWT nor a stored opaque token"));
        if (token.revoked()) {
            throw refused(REVOKED, "revoked: jti=" + token.tokenId());
        }
        if (!Instant.now(clock).isBefore(token.expiresAt())) {
            throw refused(EXPIRED, "expired: jti=" + token.tokenId());
        }
        return new ValidatedAccessToken(AccessTokenFormat.OPAQUE, token.tokenId(), issuer, token.clientId(),
                token.subject(), token.scope(), token.audience(), token.issuedAt(), token.expiresAt(), Optional.empty(),
                token.grantId(), Set.of());
    }

    /** Checks the header and signature (RFC 9068 §4 steps 1, 3, 4); the key that verified it. */
    private AccessTokenVerifiers.KeyVerifier verify(SignedJWT jwt) {
        AccessTokenVerifiers.KeyVerifier key = key(jwt.getHeader());
        String kid = jwt.getHeader().getKeyID();
        try {
            if (!jwt.verify(key.verifier())) {
                throw refused(INVALID, "bad signature: kid=" + kid);
            }
        } catch (JOSEException e) {
            throw refused(INVALID, "signature not verifiable: kid=" + kid);
        }
        return key;
    }

    /** Checks the header against the keys published now (RFC 9068 §4 steps 1, 3); the key it names. */
    private AccessTokenVerifiers.KeyVerifier key(JWSHeader header) {
        // RFC 9068 §4: the typ header must be at+jwt (or its full media type).
        String typ = header.getType() == null ? "" : header.getType().toString();
        if (!JwtAccessTokens.TYPE.equalsIgnoreCase(typ) && !MEDIA_TYPE.toString().equalsIgnoreCase(typ)) {
            throw refused(INVALID, "typ is not at+jwt");
        }
        if (!algorithms.contains(header.getAlgorithm())) {
            throw refused(INVALID, "alg not signed with by this server");
        }
        String kid = header.getKeyID();
        AccessTokenVerifiers.KeyVerifier key = verifiers.find(kid == null ? "" : kid)
                .orElseThrow(() -> refused(INVALID, "unknown kid"));
        // RFC 8725 §3.1: a key verifies only the algorithm it is published for.
        if (!key.algorithm().equals(header.getAlgorithm())) {
            throw refused(INVALID, "alg does not match the key's algorithm");
        }
        return key;
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused(MALFORMED, "claims are not a JSON object");
        }
    }

    /** Checks {@code iss}, {@code exp} and the deny list (RFC 9068 §4 steps 2, 6), on every call. */
    private ValidatedAccessToken live(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            throw refused(INVALID, "iss is not this server");
        }
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        String jti = claims.getJWTID();
        if (exp == null || iat == null || jti == null || claims.getSubject() == null) {
            throw refused(INVALID, "exp, iat, jti or sub missing");
        }
        if (!Instant.now(clock).isBefore(exp.toInstant())) {
            throw refused(EXPIRED, "expired: jti=" + jti);
        }
        Optional<String> grantId = stringClaim(claims, JwtAccessTokens.GRANT_ID_CLAIM);
        // The token's own entry and its grant's, in one question (one database round trip).
        Set<String> entries = grantId.map(id -> Set.of(jti, JwtAccessTokens.grantDenyListEntry(id))).orElse(Set.of(jti));
        if (revoked.isAnyRevoked(entries)) {
            throw refused(REVOKED, "revoked: jti=" + jti);
        }
        return new ValidatedAccessToken(AccessTokenFormat.JWT, jti, issuer, clientId(claims), claims.getSubject(),
                scope(claims), audience(claims), iat.toInstant(), exp.toInstant(),
                Optional.ofNullable(claims.getNotBeforeTime()).map(Date::toInstant), grantId, requestedClaims(claims));
    }

    /** OIDC Core §5.5: the claims the token's grant asked for one by one; a malformed list is none. */
    private static Set<String> requestedClaims(JWTClaimsSet claims) {
        Object value = claims.getClaim(JwtAccessTokens.USERINFO_CLAIMS);
        if (!(value instanceof List<?> names)) {
            return Set.of();
        }
        return names.stream().filter(String.class::isInstance).map(String.class::cast)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static ClientId clientId(JWTClaimsSet claims) {
        String value = stringClaim(claims, "client_id").orElseThrow(() -> refused(INVALID, "client_id missing"));
        if (!ClientId.isValid(value)) {
            throw refused(INVALID, "client_id is not a client id");
        }
        return new ClientId(value);
    }

    private static List<String> audience(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (audience == null || audience.isEmpty()) {
            throw refused(INVALID, "aud missing");
        }
        return audience;
    }

    private static ScopeSet scope(JWTClaimsSet claims) {
        // RFC 9068 §2.2.3: no scope claim means no scope.
        return stringClaim(claims, "scope")
                .map(scope -> ScopeSet.parse(scope).orElseThrow(() -> refused(INVALID, "scope is not a valid scope parameter")))
                .orElse(ScopeSet.EMPTY);
    }

    private static Optional<String> stringClaim(JWTClaimsSet claims, String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name));
        } catch (ParseException e) {
            throw refused(INVALID, name + " is not a string");
        }
    }

    private static OAuthException refused(String description, String detail) {
        return new OAuthException(new OAuthError(StandardErrorCode.INVALID_TOKEN, description), detail);
    }
}
