package dev.portcullis.oauth.application.userinfo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenValue;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.StandardClaims;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The UserInfo endpoint (OIDC Core §5.3): checks a bearer access token completely and returns the
 * claims of its user that its scopes release (OIDC Core §5.4). Thread-safe.
 *
 * <p>A token is accepted only when it is an RFC 9068 JWT access token ({@code typ} {@code at+jwt})
 * signed by one of the server's own published keys with an algorithm the server signs with, issued
 * by this server, not expired, not on the deny list, and carrying the {@code openid} scope. The
 * audience is not checked: every access token this server issues may read its own user's claims.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core §5.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
public final class GetUserInfo {

    /** The token is not a JWS at all. */
    public static final String MALFORMED = "The access token is malformed.";
    /** Wrong type, algorithm, key, signature, issuer, or a required claim missing. */
    public static final String INVALID = "The access token is invalid.";
    /** RFC 9068 §4: the current time is after {@code exp}. */
    public static final String EXPIRED = "The access token has expired.";
    /** The token's {@code jti} is on the deny list. */
    public static final String REVOKED = "The access token has been revoked.";
    /** The Identity Backend no longer knows the token's {@code sub}. */
    public static final String UNKNOWN_USER = "The user of the access token no longer exists.";
    /** OIDC Core §5.3: the token was not issued for an OpenID Connect request. */
    public static final String NO_OPENID = "The access token does not have the openid scope.";

    private static final JOSEObjectType MEDIA_TYPE = new JOSEObjectType("application/at+jwt");

    private final String issuer;
    private final Set<JWSAlgorithm> algorithms;
    private final AccessTokenVerifiers verifiers;
    private final RevokedAccessTokenRepository revoked;
    private final IdentityBackend identities;
    private final Clock clock;

    /**
     * @param settings    the issuer and the algorithms the server signs with
     * @param ring        the server's keys; tokens are verified against its published JWK set
     * @param revoked     the deny list of access tokens revoked before they expire
     * @param identities  where the user's claims come from
     * @param clock       the source of "now" for {@code exp}
     */
    public GetUserInfo(ServerSettings settings, SigningKeyRing ring, RevokedAccessTokenRepository revoked,
                       IdentityBackend identities, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        this.issuer = settings.issuer().toString();
        this.algorithms = settings.enabledSigningAlgorithms().stream()
                .map(SigningAlgorithm::jwsName).map(JWSAlgorithm::parse).collect(Collectors.toUnmodifiableSet());
        this.verifiers = new AccessTokenVerifiers(ring);
        this.revoked = Objects.requireNonNull(revoked, "revoked");
        this.identities = Objects.requireNonNull(identities, "identities");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The claims the token's user releases to its holder.
     *
     * @param accessToken the bearer token as the client sent it
     * @return the user's subject, and the claims of {@link StandardClaims#releasedBy} for the
     *         token's scope plus those its grant asked for one by one (OIDC Core §5.5, the token's
     *         {@value JwtAccessTokens#USERINFO_CLAIMS}); {@code sub} is not among the claims: it is the subject
     * @throws OAuthException {@code invalid_token} when the token is not a valid, live access token of
     *         this server or its user is gone; {@code insufficient_scope} when it lacks {@code openid}
     *         (RFC 6750 §3.1)
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the Identity Backend
     *         cannot answer
     */
    public UserClaims userInfo(TokenValue accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        SignedJWT jwt = verified(accessToken);
        JWTClaimsSet claims = claims(jwt);
        Subject subject = subject(claims);
        ScopeSet scope = scope(claims);
        // OIDC Core §5.3: the token must have been obtained through an OpenID Connect request.
        if (!scope.contains(StandardClaims.OPENID)) {
            throw new OAuthException(new OAuthError(StandardErrorCode.INSUFFICIENT_SCOPE, NO_OPENID), "scope without openid");
        }
        UserClaims user = identities.claims(subject).orElseThrow(
                () -> refused(UNKNOWN_USER, "subject unknown to the backend: sub=" + subject));
        Map<String, Object> released = new LinkedHashMap<>(StandardClaims.releasedBy(scope, user));
        Set<String> requested = requestedClaims(claims);
        user.claims().forEach((name, value) -> {
            if (requested.contains(name) && ClaimsRequest.isUsableName(name)) {
                released.putIfAbsent(name, value);
            }
        });
        return new UserClaims(subject, released);
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

    /** Parses the token and checks its header and signature (RFC 9068 §4 steps 1, 3, 4). */
    private SignedJWT verified(TokenValue accessToken) {
        JWT parsed;
        try {
            parsed = JWTParser.parse(accessToken.value());
        } catch (ParseException e) {
            throw refused(MALFORMED, "not a JWT");
        }
        // An unsecured (alg none) or encrypted JWT is never one of ours.
        if (!(parsed instanceof SignedJWT jwt)) {
            throw refused(INVALID, "not a signed JWT");
        }
        JWSHeader header = jwt.getHeader();
        // RFC 9068 §4: the typ header must be at+jwt (or its full media type).
        String typ = typ(header);
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
        try {
            if (!jwt.verify(key.verifier())) {
                throw refused(INVALID, "bad signature: kid=" + kid);
            }
        } catch (JOSEException e) {
            throw refused(INVALID, "signature not verifiable: kid=" + kid);
        }
        return jwt;
    }

    /** Checks {@code iss}, {@code exp} and the deny list (RFC 9068 §4 steps 2, 6). */
    private JWTClaimsSet claims(SignedJWT jwt) {
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused(MALFORMED, "claims are not a JSON object");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw refused(INVALID, "iss is not this server");
        }
        Date exp = claims.getExpirationTime();
        String jti = claims.getJWTID();
        if (exp == null || jti == null) {
            throw refused(INVALID, "exp or jti missing");
        }
        if (!Instant.now(clock).isBefore(exp.toInstant())) {
            throw refused(EXPIRED, "expired: jti=" + jti);
        }
        if (revoked.isRevoked(jti)) {
            throw refused(REVOKED, "revoked: jti=" + jti);
        }
        return claims;
    }

    private static Subject subject(JWTClaimsSet claims) {
        String sub = claims.getSubject();
        if (sub == null) {
            throw refused(INVALID, "sub missing");
        }
        try {
            return new Subject(sub);
        } catch (IllegalArgumentException e) {
            throw refused(INVALID, "sub is not a subject");
        }
    }

    private static ScopeSet scope(JWTClaimsSet claims) {
        String scope;
        try {
            scope = claims.getStringClaim("scope");
        } catch (ParseException e) {
            throw refused(INVALID, "scope is not a string");
        }
        // RFC 9068 §2.2.3: no scope claim means no scope.
        if (scope == null) {
            return ScopeSet.EMPTY;
        }
        return ScopeSet.parse(scope).orElseThrow(() -> refused(INVALID, "scope is not a valid scope parameter"));
    }

    private static String typ(JWSHeader header) {
        return header.getType() == null ? "" : header.getType().toString();
    }

    private static OAuthException refused(String description, String detail) {
        return new OAuthException(new OAuthError(StandardErrorCode.INVALID_TOKEN, description), detail);
    }
}
