package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Revokes everything a grant produced: its refresh token family, its opaque access tokens, and its
 * JWT access tokens through the deny-list entry {@link JwtAccessTokens#grantDenyListEntry} (RFC 7009
 * §2.1, RFC 6749 §4.1.2, RFC 9700 §4.14.2). The parts are one {@link UnitOfWork}: all of them hold,
 * or none does and the revocation can be tried again (joining the caller's unit when it runs in
 * one, as a grant that detects reuse does). A part whose repository is absent is skipped.
 * Thread-safe.
 */
public final class GrantRevocation {

    private final Optional<RefreshTokenRepository> refreshTokens;
    private final Optional<OpaqueAccessTokenRepository> opaqueTokens;
    private final Optional<RevokedAccessTokenRepository> revokedAccessTokens;
    private final Clock clock;
    private final UnitOfWork unitOfWork;

    /**
     * @param refreshTokens       where refresh token families are revoked
     * @param opaqueTokens        where opaque access tokens are revoked
     * @param revokedAccessTokens where the grant is deny-listed for its JWT access tokens
     * @param clock               the source of "now" for how long the grant stays deny-listed
     * @param unitOfWork          the transactions of those repositories
     */
    public GrantRevocation(Optional<RefreshTokenRepository> refreshTokens, Optional<OpaqueAccessTokenRepository> opaqueTokens,
                           Optional<RevokedAccessTokenRepository> revokedAccessTokens, Clock clock,
                           UnitOfWork unitOfWork) {
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.opaqueTokens = Objects.requireNonNull(opaqueTokens, "opaqueTokens");
        this.revokedAccessTokens = Objects.requireNonNull(revokedAccessTokens, "revokedAccessTokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    }

    /**
     * Revokes grant {@code grantId}.
     *
     * @param accessTokenLifetime the lifetime of the grant's access tokens (the client's): every one
     *                            was minted before now, so none outlives now plus this, and the
     *                            deny-list entry is kept that long
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the storage fails:
     *         then none of the parts holds
     */
    public void revoke(String grantId, Duration accessTokenLifetime) {
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Instant lastExpiry = Instant.now(clock).plus(accessTokenLifetime);
        unitOfWork.inTransaction(() -> {
            refreshTokens.ifPresent(repository -> repository.revokeGrant(grantId));
            opaqueTokens.ifPresent(repository -> repository.revokeGrant(grantId));
            revokedAccessTokens.ifPresent(repository -> repository.revoke(JwtAccessTokens.grantDenyListEntry(grantId),
                    lastExpiry));
            return grantId;
        });
    }
}
