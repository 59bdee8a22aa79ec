package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Revokes everything a grant produced: its refresh token family, its opaque access tokens, and its
 * JWT access tokens through the deny-list entry {@link JwtAccessTokens#grantDenyListEntry} (RFC 7009
 * §2.1, RFC 6749 §4.1.2, RFC 9700 §4.14.2). Each part is one statement; a part whose repository is
 * absent is skipped. Thread-safe.
 */
public final class GrantRevocation {

    private final Optional<RefreshTokenRepository> refreshTokens;
    private final Optional<OpaqueAccessTokenRepository> opaqueTokens;
    private final Optional<RevokedAccessTokenRepository> revokedAccessTokens;
    private final Clock clock;

    /**
     * @param refreshTokens       where refresh token families are revoked
     * @param opaqueTokens        where opaque access tokens are revoked
     * @param revokedAccessTokens where the grant is deny-listed for its JWT access tokens
     * @param clock               the source of "now" for how long the grant stays deny-listed
     */
    public GrantRevocation(Optional<RefreshTokenRepository> refreshTokens, Optional<OpaqueAccessTokenRepository> opaqueTokens,
                           Optional<RevokedAccessTokenRepository> revokedAccessTokens, Clock clock) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.opaqueTokens = Objects.requireNonNull(opaqueTokens, "opaqueTokens");
        this.revokedAccessTokens = Objects.requireNonNull(revokedAccessTokens, "revokedAccessTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Revokes grant {@code grantId}.
     *
     * @param accessTokenLifetime the lifetime of the grant's access tokens (the client's): every one
     *                            was minted before now, so none outlives now plus this, and the
     *                            deny-list entry is kept that long
     */
    public void revoke(String grantId, Duration accessTokenLifetime) {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        refreshTokens.ifPresent(repository -> repository.revokeGrant(grantId));
        opaqueTokens.ifPresent(repository -> repository.revokeGrant(grantId));
        Instant lastExpiry = Instant.now(clock).plus(accessTokenLifetime);
        revokedAccessTokens.ifPresent(repository -> repository.revoke(JwtAccessTokens.grantDenyListEntry(grantId),
                lastExpiry));
    }
}
