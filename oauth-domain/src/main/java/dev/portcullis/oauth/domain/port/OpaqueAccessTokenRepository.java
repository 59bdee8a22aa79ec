package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import java.time.Instant;
import java.util.Optional;

/** Stores opaque access tokens by hash (DESIGN.md "Storage"). Thread-safe. */
public interface OpaqueAccessTokenRepository {

    /**
     * Stores a new token.
     *
     * @throws IllegalStateException when a token with the same hash exists
     */
    void save(OpaqueAccessToken token);

    /** The token with {@code tokenHash}, revoked or expired alike; empty when there is none. */
    Optional<OpaqueAccessToken> findByHash(String tokenHash);

    /** Revokes the token with {@code tokenHash}; returns whether it was there and not yet revoked. */
    boolean revoke(String tokenHash);

    /** Revokes every token of grant {@code grantId} in one statement; returns how many were not yet revoked. */
    int revokeGrant(String grantId);

    /**
     * Revokes every token of user {@code subject} (only those issued to {@code clientId} when it is
     * present), or, with no subject, every token issued to {@code clientId}, in one statement;
     * returns how many were not revoked before.
     *
     * @throws IllegalArgumentException when neither is present
     */
    int revokeMatching(Optional<String> subject, Optional<ClientId> clientId);

    /** Removes tokens that expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
