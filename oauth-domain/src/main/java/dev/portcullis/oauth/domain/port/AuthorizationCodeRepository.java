package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.Redemption;
import java.time.Instant;

/**
 * Stores authorization codes by hash. Redemption is atomic across threads and instances: one
 * conditional UPDATE (or equivalent), never read-then-write. Thread-safe.
 */
public interface AuthorizationCodeRepository {

    /**
     * Stores a new code.
     *
     * @throws IllegalStateException when a code with the same hash exists
     */
    void save(AuthorizationCode code);

    /**
     * Redeems the code with hash {@code codeHash} at {@code now}. Of any number of concurrent
     * calls for one code, exactly one gets {@link Redemption.Redeemed}; later ones get
     * {@link Redemption.AlreadyRedeemed}. An expired or unknown code is {@link Redemption.Unknown}.
     */
    Redemption redeem(String codeHash, Instant now);

    /**
     * Records the access token issued for the redeemed code, so that a replay of the code can
     * revoke it (RFC 6749 §4.1.2).
     */
    void recordAccessToken(String codeHash, String accessTokenId, Instant accessTokenExpiresAt);

    /** Removes codes that expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
