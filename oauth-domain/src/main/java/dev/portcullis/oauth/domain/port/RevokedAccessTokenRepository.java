package dev.portcullis.oauth.domain.port;

import java.time.Instant;
import java.util.Set;

/**
 * The deny list of JWT access tokens revoked before they expire, by {@code jti}. JWT access tokens
 * are not stored; only a revoked one is listed, until it would have expired anyway. Thread-safe.
 */
public interface RevokedAccessTokenRepository {

    /** Lists {@code tokenId} as revoked until {@code expiresAt}; listing it twice is harmless. */
    void revoke(String tokenId, Instant expiresAt);

    /** Whether {@code tokenId} is listed. */
    boolean isRevoked(String tokenId);

    /**
     * Whether any of {@code tokenIds} is listed: one question for a token and its grant's entry, so
     * that an adapter can answer in one round trip. The default asks {@link #isRevoked} for each.
     *
     * @param tokenIds the entries to look for; none answers false
     */
    default boolean isAnyRevoked(Set<String> tokenIds) {
        return tokenIds.stream().anyMatch(this::isRevoked);
    }

    /** Removes entries whose token expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
