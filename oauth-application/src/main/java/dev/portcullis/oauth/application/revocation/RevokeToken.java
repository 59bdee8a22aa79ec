package dev.portcullis.oauth.application.revocation;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.introspection.Callers;
import dev.portcullis.oauth.application.introspection.PresentedToken;
import dev.portcullis.oauth.application.introspection.TokenLookup;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.userinfo.ValidatedAccessToken;
import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.event.TokenRevoked;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation endpoint (RFC 7009): a client revokes one of its own tokens. Thread-safe.
 *
 * <ul>
 *   <li>A JWT access token goes on the {@code jti} deny list until it expires; an opaque one is
 *       marked revoked.</li>
 *   <li>A refresh token revokes its whole family, and with it every access token minted for the
 *       same grant (RFC 7009 §2.1 "SHOULD also invalidate all access tokens based on the same
 *       authorization grant"): the family's opaque tokens are marked revoked, and the grant itself
 *       goes on the deny list, which invalidates every JWT access token carrying its
 *       {@link JwtAccessTokens#GRANT_ID_CLAIM}, until the longest such token would have expired.</li>
 *   <li>An unknown, expired or already revoked token, and a token of another client, change
 *       nothing and are answered like a success (RFC 7009 §2.1, §2.2): the caller cannot learn
 *       whether a token exists.</li>
 * </ul>
 * Public clients may revoke their own tokens: they identify with {@code client_id} as at the token
 * endpoint (RFC 7009 §2.1, §5).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009">RFC 7009</a>
 */
public final class RevokeToken {

    private static final Logger LOG = LoggerFactory.getLogger(RevokeToken.class);

    private final ClientAuthenticator authenticator;
    private final TokenLookup tokens;
    private final RevokedAccessTokenRepository revokedAccessTokens;
    private final Optional<OpaqueAccessTokenRepository> opaqueTokens;
    private final GrantRevocation grants;
    private final EventPublisher events;
    private final Clock clock;

    /**
     * @param authenticator       authenticates the caller as at the token endpoint
     * @param tokens              finds the presented token
     * @param revokedAccessTokens the deny list of JWT access tokens and grants
     * @param refreshTokens       where refresh token families are revoked; empty when none are issued
     * @param opaqueTokens        where opaque access tokens are revoked; empty when none are issued
     * @param clock               the source of "now" for how long a revoked grant stays listed
     * @param events              where each revocation is reported (the audit trail)
     * @param unitOfWork          the transactions of those repositories: a family's revocation
     *                            holds as a whole or not at all
     */
    public RevokeToken(ClientAuthenticator authenticator, TokenLookup tokens,
                       RevokedAccessTokenRepository revokedAccessTokens, Optional<RefreshTokenRepository> refreshTokens,
                       Optional<OpaqueAccessTokenRepository> opaqueTokens, Clock clock, EventPublisher events,
                       UnitOfWork unitOfWork) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.revokedAccessTokens = Objects.requireNonNull(revokedAccessTokens, "revokedAccessTokens");
        this.opaqueTokens = Objects.requireNonNull(opaqueTokens, "opaqueTokens");
        this.grants = new GrantRevocation(refreshTokens, opaqueTokens, Optional.of(revokedAccessTokens), clock,
                unitOfWork);
        this.events = Objects.requireNonNull(events, "events");
        this.clock = clock;
    }

    /**
     * Revokes the {@code token} parameter of {@code request}, if it is the caller's.
     *
     * @throws OAuthException {@code invalid_client} when the caller fails authentication;
     *                        {@code invalid_request} when {@code token} is missing
     */
    public void revoke(TokenEndpointRequest request) {
        Objects.requireNonNull(request, "request");
        AuthenticatedClient caller = Callers.authenticate(authenticator, request);
        TokenValue value = Callers.token(request);
        Client client = caller.registration();
        Optional<PresentedToken> found = tokens.find(value, Callers.hint(request));
        if (found.isEmpty()) {
            LOG.debug("revocation of an unknown or inactive token: client_id={}", client.id());
            return;
        }
        if (found.get() instanceof PresentedToken.Access access) {
            revokeAccessToken(access.token(), value, client);
        } else {
            revokeFamily(((PresentedToken.Refresh) found.get()).token(), client);
        }
    }

    private void revokeAccessToken(ValidatedAccessToken token, TokenValue value, Client client) {
        // RFC 7009 §2.1: the server verifies that the token was issued to the client making the request.
        if (!token.clientId().equals(client.id())) {
            LOG.debug("revocation of another client's access token ignored: client_id={}", client.id());
            return;
        }
        if (token.format() == AccessTokenFormat.OPAQUE) {
            opaqueTokens.ifPresent(repository -> repository.revoke(TokenHash.of(value.value())));
        } else {
            revokedAccessTokens.revoke(token.tokenId(), token.expiresAt());
        }
        LOG.debug("access token revoked: client_id={} jti={}", client.id(), token.tokenId());
        events.publish(new TokenRevoked(Instant.now(clock), client.id(), Optional.of(token.subject()), TokenRevoked.ACCESS_TOKEN,
                token.tokenId()));
    }

    private void revokeFamily(RefreshToken token, Client client) {
        if (!token.clientId().equals(client.id())) {
            LOG.debug("revocation of another client's refresh token ignored: client_id={}", client.id());
            return;
        }
        String grantId = token.grantId();
        grants.revoke(grantId, client.lifetimes().accessToken());
        LOG.debug("refresh token family revoked: client_id={} grant_id={}", client.id(), grantId);
        events.publish(new TokenRevoked(Instant.now(clock), client.id(), Optional.of(token.subject().value()), TokenRevoked.REFRESH_TOKEN,
                grantId));
    }
}
