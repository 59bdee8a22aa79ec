package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.token.RefreshToken;
import java.time.Instant;
import java.util.Optional;

/** Stores refresh tokens by hash. Thread-safe. */
public interface RefreshTokenRepository {

    /**
     * Stores a new refresh token.
     *
     * @throws IllegalStateException when a token with the same hash exists
     */
    void save(RefreshToken token);

    /** The token with {@code tokenHash}; empty when there is none. */
    Optional<RefreshToken> findByHash(String tokenHash);

    /** Revokes every token of grant {@code grantId} in one statement; returns how many were active. */
    int revokeGrant(String grantId);

    /** Removes tokens that expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
