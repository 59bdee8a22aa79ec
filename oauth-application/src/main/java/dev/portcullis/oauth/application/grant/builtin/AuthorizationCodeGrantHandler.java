package dev.portcullis.oauth.application.grant.builtin;

import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.IssuedTokens;
import dev.portcullis.oauth.application.token.UserGrant;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.5, §4.6): a client exchanges an authorization code for
 * tokens of the user who approved it. The code is redeemed once, atomically, before any check, so
 * a code that fails a check is spent too; a second redemption is refused and revokes every token
 * the code produced (RFC 6749 §4.1.2). Every mismatch is {@code invalid_grant}.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3">RFC 6749 §4.1.3</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7636#section-4.6">RFC 7636 §4.6</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-2.1.1">RFC 9700 §2.1.1</a>
 */
public final class AuthorizationCodeGrantHandler implements GrantHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationCodeGrantHandler.class);

    static final String CODE = "code";
    static final String REDIRECT_URI = "redirect_uri";
    static final String CODE_VERIFIER = "code_verifier";

    /** RFC 8176 §2: the amr value of password authentication. */
    private static final String PASSWORD_METHOD = "pwd";

    private static final OAuthError INVALID_CODE =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The authorization code is invalid or expired.");
    private static final OAuthError REDIRECT_URI_MISMATCH =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The redirect_uri does not match the authorization request.");
    private static final OAuthError VERIFIER_MISSING =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The code_verifier parameter is missing.");
    private static final OAuthError VERIFIER_MISMATCH =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The code_verifier does not match the code_challenge.");
    private static final OAuthError VERIFIER_UNEXPECTED = new OAuthError(StandardErrorCode.INVALID_GRANT,
            "The code_verifier was sent but the authorization request had no code_challenge.");
    private static final OAuthError PKCE_REQUIRED = new OAuthError(StandardErrorCode.INVALID_GRANT,
            "The authorization request of a public client must use a code_challenge.");

    private final AuthorizationCodeRepository codes;
    private final RefreshTokenRepository refreshTokens;
    private final RevokedAccessTokenRepository revokedAccessTokens;
    private final Clock clock;
    private final Optional<GrantRevocation> grants;

    /**
     * @param codes               where codes are redeemed and the access token issued for each is recorded
     * @param refreshTokens       where a replayed code's refresh token family is revoked
     * @param revokedAccessTokens where a replayed code's access token is deny-listed
     * @param clock               the source of "now" for code expiry
     */
    public AuthorizationCodeGrantHandler(AuthorizationCodeRepository codes, RefreshTokenRepository refreshTokens,
                                         RevokedAccessTokenRepository revokedAccessTokens, Clock clock) {
        this(codes, refreshTokens, revokedAccessTokens, clock, Optional.empty());
    }

    /**
     * A handler whose replay detection also revokes, through {@code grants}, the opaque and JWT
     * access tokens minted later from the code's refresh token family.
     */
    public AuthorizationCodeGrantHandler(AuthorizationCodeRepository codes, RefreshTokenRepository refreshTokens,
                                         RevokedAccessTokenRepository revokedAccessTokens, Clock clock,
                                         GrantRevocation grants) {
        this(codes, refreshTokens, revokedAccessTokens, clock, Optional.of(Objects.requireNonNull(grants, "grants")));
    }

    private AuthorizationCodeGrantHandler(AuthorizationCodeRepository codes, RefreshTokenRepository refreshTokens,
                                          RevokedAccessTokenRepository revokedAccessTokens, Clock clock,
                                          Optional<GrantRevocation> grants) {
        this.grants = grants;
        this.codes = Objects.requireNonNull(codes, "codes");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.revokedAccessTokens = Objects.requireNonNull(revokedAccessTokens, "revokedAccessTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GrantType grantType() {
        return GrantType.AUTHORIZATION_CODE;
    }

    @Override
    public Set<String> parameters() {
        return Set.of(CODE, REDIRECT_URI, CODE_VERIFIER);
    }

    @Override
    public TokenResponse handle(GrantContext context) {
        Client client = context.client().registration();
        String value = context.request().parameter(CODE).orElseThrow(
                () -> OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The code parameter is missing."));
        String codeHash = TokenHash.of(value);
        AuthorizationCode code = redeem(codeHash, client);
        // RFC 6749 §4.1.3: the code must have been issued to the authenticated client.
        if (!code.clientId().equals(client.id())) {
            throw refused(INVALID_CODE, "code of grant " + code.grantId() + " was issued to another client than "
                    + client.id());
        }
        // RFC 6749 §4.1.3, RFC 9700 §4.1.3: identical to the redirect_uri of the authorization request.
        Optional<String> redirectUri = context.request().parameter(REDIRECT_URI);
        if (redirectUri.isEmpty() || !redirectUri.get().equals(code.redirectUri().toString())) {
            throw refused(REDIRECT_URI_MISMATCH, "redirect_uri mismatch for grant " + code.grantId());
        }
        checkPkce(code, client, context.request().parameter(CODE_VERIFIER));
        IssuedTokens issued = context.tokens().forUser(userGrant(code, client));
        // So that a replay of the code can deny-list this access token (RFC 6749 §4.1.2).
        codes.recordAccessToken(codeHash, issued.accessTokenId(), issued.accessTokenExpiresAt());
        return issued.response();
    }

    /**
     * The grant the code stands for, with what the ID token needs (OIDC Core §2): the nonce, the
     * session's sid and, for a code approved in a browser session, amr {@code pwd} (RFC 8176 §2),
     * as browser sessions start only when the user enters a password.
     */
    private static UserGrant userGrant(AuthorizationCode code, Client client) {
        List<String> methods = code.sessionId().isPresent() ? List.of(PASSWORD_METHOD) : List.of();
        // RFC 8707 §2.2: the grant is restricted to the resource of the authorization request.
        return new UserGrant(code.subject(), client.id(), code.scope(), code.authTime(), code.grantId(),
                GrantType.AUTHORIZATION_CODE, Optional.empty(), code.nonce(), code.sessionId(), methods, code.claims(),
                code.resource());
    }

    private AuthorizationCode redeem(String codeHash, Client client) {
        Redemption redemption = codes.redeem(codeHash, Instant.now(clock));
        if (redemption instanceof Redemption.Redeemed redeemed) {
            return redeemed.code();
        }
        if (redemption instanceof Redemption.AlreadyRedeemed replay) {
            revokeWhatTheCodeProduced(replay, client);
            throw refused(INVALID_CODE, "code of grant " + replay.code().grantId() + " was already redeemed");
        }
        throw refused(INVALID_CODE, "unknown or expired code");
    }

    /** RFC 6749 §4.1.2: a code used twice is refused, and the tokens it produced SHOULD be revoked. */
    private void revokeWhatTheCodeProduced(Redemption.AlreadyRedeemed replay, Client client) {
        AuthorizationCode code = replay.code();
        LOG.warn("authorization code replayed: client_id={} code_client_id={} grant_id={}",
                client.id(), code.clientId(), code.grantId());
        refreshTokens.revokeGrant(code.grantId());
        // The lifetime of the code's client is known only when it is the caller; another caller
        // cannot have obtained tokens of the grant anyway.
        if (code.clientId().equals(client.id())) {
            grants.ifPresent(revocation -> revocation.revoke(code.grantId(), client.lifetimes().accessToken()));
        }
        if (replay.accessTokenId().isPresent() && replay.accessTokenExpiresAt().isPresent()) {
            revokedAccessTokens.revoke(replay.accessTokenId().get(), replay.accessTokenExpiresAt().get());
        }
    }

    private static void checkPkce(AuthorizationCode code, Client client, Optional<String> verifier) {
        Optional<CodeChallenge> challenge = code.codeChallenge();
        if (challenge.isEmpty()) {
            // RFC 9700 §2.1.1: a code_verifier without a code_challenge is a PKCE downgrade attempt.
            if (verifier.isPresent()) {
                throw refused(VERIFIER_UNEXPECTED, "code_verifier sent for grant " + code.grantId()
                        + " whose authorization request had no code_challenge");
            }
            // OAuth 2.1 §7.5.1: public clients must use PKCE; the authorization endpoint enforces it already.
            if (!client.isConfidential()) {
                throw refused(PKCE_REQUIRED, "public client " + client.id() + " redeemed a code without code_challenge");
            }
            return;
        }
        // RFC 7636 §4.5, §4.6: the verifier is required, and must derive the challenge.
        if (verifier.isEmpty()) {
            throw refused(VERIFIER_MISSING, "no code_verifier for grant " + code.grantId());
        }
        if (!challenge.get().isSatisfiedBy(verifier.get())) {
            throw refused(VERIFIER_MISMATCH, "code_verifier mismatch for grant " + code.grantId());
        }
    }

    private static OAuthException refused(OAuthError error, String detail) {
        return new OAuthException(error, detail);
    }
}
