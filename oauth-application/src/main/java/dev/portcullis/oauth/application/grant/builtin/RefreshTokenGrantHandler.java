package dev.portcullis.oauth.application.grant.builtin;

import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.IssuedTokens;
import dev.portcullis.oauth.application.token.RefreshFamily;
import dev.portcullis.oauth.application.token.RefreshTokenSuccessors;
import dev.portcullis.oauth.application.token.UserGrant;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6749 §6: a client exchanges a refresh token for a new access token, with rotation and reuse
 * detection (RFC 9700 §4.14.2, OAuth 2.1 §4.3). Every use rotates the token, for confidential and
 * public clients alike: the token is marked used by one conditional update, and its successor of
 * the same family (same grant id, same scope, same absolute end, same {@code sid}, {@code amr} and claims request) is
 * issued with the access token. The successor's value is derived from the presented token
 * ({@link RefreshTokenSuccessors}), so every request presenting one token gets the same successor.
 *
 * <p>Where the repository holds a use until the grant's unit of work commits
 * ({@link RefreshTokenRepository#holdsUsesUntilCommit()}, the database repositories in a unit of
 * work), a refresh costs the storage two writes: the update that uses the token and returns it, and
 * the successor's insert. A request refused after the use gives the use back in the same unit, and a
 * concurrent revocation of the family waits for the commit and then reaches the successor. Elsewhere
 * the token is read and checked before it is used, and its family looked at again after the
 * successor is stored.
 *
 * <p>A used token presented again:
 * <ul>
 *   <li>within the grace period after its use (by default {@link #DEFAULT_GRACE_PERIOD}) still
 *       works while its successor is unused: the answer is a new access token (and ID token) with
 *       that same successor. This serves clients that send one token from concurrent requests or
 *       retry after a lost response; the family keeps exactly one live refresh token. Once the
 *       successor has been used, the old token is refused with {@code invalid_grant};</li>
 *   <li>after the grace period is reuse: the whole family is revoked, the newest token too, and
 *       {@code refresh token reuse detected} is logged at WARN.</li>
 * </ul>
 * Unknown, expired (idle or absolute), revoked tokens and tokens of another client are refused
 * with {@code invalid_grant} and one fixed description; a {@code scope} wider than the token's is
 * {@code invalid_scope}. A refused request does not use up the token. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public final class RefreshTokenGrantHandler implements GrantHandler {

    /** How long a used refresh token keeps working while its successor is unused: 10 seconds. */
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenGrantHandler.class);

    static final String REFRESH_TOKEN = "refresh_token";
    static final String SCOPE = "scope";

    private static final OAuthError INVALID_TOKEN =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The refresh token is invalid or expired.");
    private static final OAuthError SCOPE_WIDENED = new OAuthError(StandardErrorCode.INVALID_SCOPE,
            "The requested scope exceeds the scope of the refresh token.");

    private final RefreshTokenRepository refreshTokens;
    private final RefreshTokenSuccessors successors;
    private final Clock clock;
    private final RefreshTokenReuse reuse;

    /** A handler with the {@link #DEFAULT_GRACE_PERIOD}. */
    public RefreshTokenGrantHandler(RefreshTokenRepository refreshTokens, RefreshTokenSuccessors successors,
                                    Clock clock) {
        this(refreshTokens, successors, clock, DEFAULT_GRACE_PERIOD);
    }

    /**
     * @param refreshTokens where refresh tokens are looked up, marked used and revoked
     * @param successors    derives the value of a rotated token's successor; every instance of a
     *                      server must derive the same (a key derived from the shared master key)
     * @param clock         the source of "now" for expiry and the grace period
     * @param gracePeriod   how long after its use a used token keeps working while its successor is
     *                      unused; zero makes every second use revoke the family
     * @throws IllegalArgumentException when {@code gracePeriod} is negative
     */
    public RefreshTokenGrantHandler(RefreshTokenRepository refreshTokens, RefreshTokenSuccessors successors,
                                    Clock clock, Duration gracePeriod) {
        this(refreshTokens, successors, clock, gracePeriod, Optional.empty());
    }

    /**
     * A handler whose reuse detection revokes the whole grant through {@code grants}: the family,
     * and its opaque and JWT access tokens (RFC 9700 §4.14.2 "the access tokens ... are revoked as well").
     */
    public RefreshTokenGrantHandler(RefreshTokenRepository refreshTokens, RefreshTokenSuccessors successors,
                                    Clock clock, Duration gracePeriod, GrantRevocation grants) {
        this(refreshTokens, successors, clock, gracePeriod, Optional.of(Objects.requireNonNull(grants, "grants")));
    }

    private RefreshTokenGrantHandler(RefreshTokenRepository refreshTokens, RefreshTokenSuccessors successors,
                                     Clock clock, Duration gracePeriod, Optional<GrantRevocation> grants) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.successors = Objects.requireNonNull(successors, "successors");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (Objects.requireNonNull(gracePeriod, "gracePeriod").isNegative()) {
            throw new IllegalArgumentException("gracePeriod must not be negative");
        }
        this.reuse = new RefreshTokenReuse(refreshTokens, gracePeriod, grants);
    }

    @Override
    public GrantType grantType() {
        return GrantType.REFRESH_TOKEN;
    }

    @Override
    public Set<String> parameters() {
        return Set.of(REFRESH_TOKEN, SCOPE);
    }

    @Override
    public TokenResponse handle(GrantContext context) {
        Client client = context.client().registration();
        String value = context.request().parameter(REFRESH_TOKEN).orElseThrow(
                () -> OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The refresh_token parameter is missing."));
        String hash = TokenHash.of(value);
        Instant now = Instant.now(clock);
        TokenValue successor = successors.of(value);
        // Where the grant's unit of work holds the use until it commits, the token is used first, in
        // the one statement that also reads it, and the request checked after: a refusal takes the use
        // back unseen, and a revocation of the family waits for the commit, then reaches the successor.
        if (refreshTokens.holdsUsesUntilCommit()) {
            Optional<RefreshToken> used = refreshTokens.use(hash, now);
            if (used.isPresent()) {
                try {
                    checkBinding(used.get(), client);
                    checkRequest(context, used.get());
                } catch (OAuthException refusal) {
                    refreshTokens.release(hash, now);
                    throw refusal;
                }
                return issue(context, client, used.get(), successor).response();
            }
        }
        return rotateChecked(context, client, hash, successor, now);
    }

    /**
     * The token read first and checked before it is used: where uses are not held, and for a token
     * that could not be used (unknown, used, revoked or expired), which this tells apart. After the successor is stored, the family is looked at once more.
     */
    private TokenResponse rotateChecked(GrantContext context, Client client, String hash, TokenValue successor,
                                        Instant now) {
        RefreshToken token = refreshTokens.findByHash(hash)
                .orElseThrow(() -> refused("unknown refresh token"));
        checkBinding(token, client);
        checkRequest(context, token);
        if (token.usedAt().isPresent()) {
            reuse.requireWithinGrace(token, client, token.usedAt().get(), successor, now);
        } else {
            if (!now.isBefore(token.expiresAt())) {
                throw refused("refresh token of grant " + token.grantId() + " expired");
            }
            // DESIGN.md "Storage": one conditional update; losing means a concurrent request rotated it.
            if (refreshTokens.use(hash, now).isEmpty()) {
                RefreshToken rotated = refreshTokens.findByHash(hash)
                        .orElseThrow(() -> refused("refresh token of grant " + token.grantId() + " removed"));
                checkBinding(rotated, client);
                reuse.requireWithinGrace(rotated, client, rotated.usedAt().orElseThrow(
                        () -> refused("refresh token of grant " + token.grantId() + " expired")), successor, now);
            }
        }
        IssuedTokens issued = issue(context, client, token, successor);
        reuse.requireFamilyNotRevoked(hash, token, client);
        return issued.response();
    }

    /**
     * RFC 6749 §6: the scope may be narrowed, never widened; RFC 8707 §2.2: a resource narrows within
     * the grant. Both are checked before the token is used up, or its use is taken back.
     */
    private static void checkRequest(GrantContext context, RefreshToken token) {
        Optional<ScopeSet> requested = context.request().scope();
        if (requested.isPresent() && !token.scope().containsAll(requested.get())) {
            throw new OAuthException(SCOPE_WIDENED, "scope wider than the refresh token of grant " + token.grantId());
        }
        context.tokens().audience(requested.orElse(token.scope()), token.resource());
    }

    /** OIDC Core §12.2: a family granted openid gets a new ID token, same sub, auth_time, amr and sid, no nonce. */
    private static IssuedTokens issue(GrantContext context, Client client, RefreshToken token, TokenValue successor) {
        return context.tokens().forUser(new UserGrant(token.subject(), client.id(),
                context.request().scope().orElse(token.scope()), token.authTime(), token.grantId(),
                GrantType.REFRESH_TOKEN, Optional.of(new RefreshFamily(token.scope(), token.familyExpiresAt(), successor)),
                Optional.empty(), token.sessionId(), token.authenticationMethods(), token.claims(), token.resource()));
    }

    /** RFC 6749 §6, §10.4: bound to the client it was issued to; a revoked token never works. */
    private static void checkBinding(RefreshToken token, Client client) {
        if (!token.clientId().equals(client.id())) {
            LOG.warn("refresh token presented by another client: client_id={} token_client_id={} grant_id={}",
                    client.id(), token.clientId(), token.grantId());
            throw refused("refresh token of grant " + token.grantId() + " was issued to another client");
        }
        if (token.revoked()) {
            throw refused("refresh token of grant " + token.grantId() + " is revoked");
        }
    }

    /** The one refusal of an unusable token: {@code invalid_grant}, one fixed description for all causes. */
    static OAuthException refused(String detail) {
        return new OAuthException(INVALID_TOKEN, detail);
    }
}
