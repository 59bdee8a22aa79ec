package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.session.BrowserSession;
import java.time.Instant;
import java.util.Optional;

/** Stores browser sessions by the hash of their cookie value. Thread-safe. */
public interface BrowserSessionRepository {

    /** Creates or replaces the session with the same id hash. */
    void save(BrowserSession session);

    /** The session with {@code idHash}; empty when there is none (expired ones may be returned: check them). */
    Optional<BrowserSession> findByIdHash(String idHash);

    /** Ends the session; returns whether one was there. */
    boolean delete(String idHash);

    /** Removes sessions that expired before {@code before}, at most {@code limit}; returns how many. */
    int deleteExpired(Instant before, int limit);
}
