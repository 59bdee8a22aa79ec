package dev.portcullis.oauth.domain.port;

import java.time.Instant;

/**
 * The deny list of JWT access tokens revoked before they expire, by {@code jti}. JWT access tokens
 * are not stored; only a revoked one is listed, until it would have expired anyway. Thread-safe.
 */
public interface RevokedAccessTokenRepository {

    /** Lists {@code tokenId} as revoked until {@code expiresAt}; listing it twice is harmless. */
    void revoke(String tokenId, Instant expiresAt);

    /** Whether {@code tokenId} is listed. */
    boolean isRevoked(String tokenId);

    /** Removes entries whose token expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
