package dev.portcullis.oauth.application.grant.builtin;

import static dev.portcullis.oauth.application.grant.builtin.RefreshTokenGrantHandler.refused;

import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link RefreshTokenGrantHandler} does with a refresh token that was used already, and with a
 * family revoked while it rotates: the grace period, reuse detection and the family's revocation
 * (RFC 9700 §4.14.2). Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
final class RefreshTokenReuse {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenReuse.class);

    private final RefreshTokenRepository refreshTokens;
    private final Duration gracePeriod;
    private final Optional<GrantRevocation> grants;

    /**
     * @param gracePeriod how long after its use a used token keeps working while its successor is unused
     * @param grants      revokes a whole grant, its access tokens too; empty to revoke the refresh
     *                    token family alone
     */
    RefreshTokenReuse(RefreshTokenRepository refreshTokens, Duration gracePeriod, Optional<GrantRevocation> grants) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.gracePeriod = Objects.requireNonNull(gracePeriod, "gracePeriod");
        this.grants = Objects.requireNonNull(grants, "grants");
    }

    /**
     * A used token presented again. Within the grace period it still works while its successor has
     * not been used (or not yet been stored by the request that rotated it); after it, it is reuse,
     * which revokes the family (RFC 9700 §4.14.2).
     *
     * @throws dev.portcullis.oauth.domain.error.OAuthException {@code invalid_grant} when it does not work
     */
    void requireWithinGrace(RefreshToken token, Client client, Instant usedAt, TokenValue successor, Instant now) {
        if (!now.isBefore(usedAt.plus(gracePeriod))) {
            LOG.warn("refresh token reuse detected: client_id={} grant_id={}", client.id(), token.grantId());
            revokeFamily(token, client);
            throw refused("refresh token of grant " + token.grantId() + " reused; family revoked");
        }
        Optional<RefreshToken> next = refreshTokens.findByHash(TokenHash.of(successor.value()));
        boolean successorLive = next.map(stored -> stored.grantId().equals(token.grantId())
                && !stored.revoked() && stored.usedAt().isEmpty()).orElse(true);
        if (!successorLive) {
            throw refused("refresh token of grant " + token.grantId() + " used again after its successor");
        }
    }

    /**
     * A family revoked between the use and the save of the successor (reuse detected elsewhere, or
     * a replayed authorization code) must not survive through that successor: the revocation marked
     * the used token too, so it is read again and the family revoked once more. Needed only where the
     * use was not held until the commit ({@link RefreshTokenRepository#holdsUsesUntilCommit()}).
     *
     * @throws dev.portcullis.oauth.domain.error.OAuthException {@code invalid_grant} when it was revoked
     */
    void requireFamilyNotRevoked(String hash, RefreshToken token, Client client) {
        boolean revoked = refreshTokens.findByHash(hash).map(RefreshToken::revoked).orElse(true);
        if (revoked) {
            revokeFamily(token, client);
            throw refused("family of grant " + token.grantId() + " revoked during rotation");
        }
    }

    /**
     * Revokes the token's whole grant: through {@link GrantRevocation} when there is one (the family
     * and the access tokens it produced), else the refresh token family alone.
     */
    private void revokeFamily(RefreshToken token, Client client) {
        if (grants.isPresent()) {
            grants.get().revoke(token.grantId(), client.lifetimes().accessToken());
        } else {
            refreshTokens.revokeGrant(token.grantId());
        }
    }
}
