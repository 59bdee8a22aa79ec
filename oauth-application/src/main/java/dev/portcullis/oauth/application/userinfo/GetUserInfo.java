package dev.portcullis.oauth.application.userinfo;

import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenValue;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.StandardClaims;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The UserInfo endpoint (OIDC Core §5.3): checks a bearer access token completely and returns the
 * claims of its user that its scopes release (OIDC Core §5.4). Thread-safe.
 *
 * <p>A token is accepted only when {@link AccessTokenValidator} accepts it (an RFC 9068 JWT access
 * token signed by one of the server's own published keys, issued by this server, not expired, not
 * on the deny list; or a stored opaque token neither revoked nor expired) and it carries the
 * {@code openid} scope. The
 * audience is not checked: every access token this server issues may read its own user's claims.
 *
 * @see <a href="https://openid.net/specs/openid-connect-core-1_0.html#UserInfo">OIDC Core §5.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9068#section-4">RFC 9068 §4</a>
 */
public final class GetUserInfo {

    /** The token is neither a JWS nor a stored opaque token. */
    public static final String MALFORMED = AccessTokenValidator.MALFORMED;
    /** Wrong type, algorithm, key, signature, issuer, or a required claim missing. */
    public static final String INVALID = AccessTokenValidator.INVALID;
    /** RFC 9068 §4: the current time is after {@code exp}. */
    public static final String EXPIRED = AccessTokenValidator.EXPIRED;
    /** The token, or the grant it was minted for, was revoked. */
    public static final String REVOKED = AccessTokenValidator.REVOKED;
    /** The Identity Backend no longer knows the token's {@code sub}. */
    public static final String UNKNOWN_USER = "The user of the access token no longer exists.";
    /** OIDC Core §5.3: the token was not issued for an OpenID Connect request. */
    public static final String NO_OPENID = "The access token does not have the openid scope.";

    private final AccessTokenValidator validator;
    private final IdentityBackend identities;

    /**
     * For JWT access tokens only.
     *
     * @param settings    the issuer and the algorithms the server signs with
     * @param ring        the server's keys; tokens are verified against its published JWK set
     * @param revoked     the deny list of access tokens revoked before they expire
     * @param identities  where the user's claims come from
     * @param clock       the source of "now" for {@code exp}
     */
    public GetUserInfo(ServerSettings settings, SigningKeyRing ring, RevokedAccessTokenRepository revoked,
                       IdentityBackend identities, Clock clock) {
        this(new AccessTokenValidator(settings, ring, revoked, Optional.empty(), clock), identities);
    }

    /**
     * @param validator  checks the access token, JWT or opaque
     * @param identities where the user's claims come from
     */
    public GetUserInfo(AccessTokenValidator validator, IdentityBackend identities) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.identities = Objects.requireNonNull(identities, "identities");
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
        ValidatedAccessToken token = validator.validate(accessToken);
        Subject subject = subject(token.subject());
        ScopeSet scope = token.scope();
        // OIDC Core §5.3: the token must have been obtained through an OpenID Connect request.
        if (!scope.contains(StandardClaims.OPENID)) {
            throw new OAuthException(new OAuthError(StandardErrorCode.INSUFFICIENT_SCOPE, NO_OPENID), "scope without openid");
        }
        UserClaims user = identities.claims(subject).orElseThrow(
                () -> refused(UNKNOWN_USER, "subject unknown to the backend: sub=" + subject));
        Map<String, Object> released = new LinkedHashMap<>(StandardClaims.releasedBy(scope, user));
        Set<String> requested = token.userinfoClaims();
        user.claims().forEach((name, value) -> {
            if (requested.contains(name) && ClaimsRequest.isUsableName(name)) {
                released.putIfAbsent(name, value);
            }
        });
        return new UserClaims(subject, released);
    }

    private static Subject subject(String sub) {
        try {
            return new Subject(sub);
        } catch (IllegalArgumentException e) {
            throw refused(INVALID, "sub is not a subject");
        }
    }

    private static OAuthException refused(String description, String detail) {
        return new OAuthException(new OAuthError(StandardErrorCode.INVALID_TOKEN, description), detail);
    }
}
