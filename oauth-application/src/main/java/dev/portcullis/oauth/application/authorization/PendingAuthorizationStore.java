package dev.portcullis.oauth.application.authorization;

import java.time.Instant;
import java.util.Optional;

/**
 * Stores pending authorization requests by the hash of their id, so that a request survives the
 * login and consent pages and any instance can continue it. Thread-safe.
 */
public interface PendingAuthorizationStore {

    /** Creates or replaces the pending request with the same id hash. */
    void save(PendingAuthorization pending);

    /** The pending request with {@code idHash}; empty when there is none (expired ones may be returned: check them). */
    Optional<PendingAuthorization> find(String idHash);

    /**
     * Removes the pending request and returns it. Of concurrent calls for one id hash, at most one
     * gets it: this is what makes a request single use on completion.
     */
    Optional<PendingAuthorization> remove(String idHash);

    /** Removes requests that expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
