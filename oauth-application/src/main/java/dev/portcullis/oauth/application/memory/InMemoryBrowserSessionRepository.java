package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.session.BrowserSession;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link BrowserSessionRepository} held in memory and lost when the process ends. Thread-safe:
 * each method is one atomic map operation on immutable values.
 */
public final class InMemoryBrowserSessionRepository implements BrowserSessionRepository {

    private final ConcurrentMap<String, BrowserSession> sessions = new ConcurrentHashMap<>();

    @Override
    public void save(BrowserSession session) {
        Objects.requireNonNull(session, "session");
        sessions.put(session.idHash(), session);
    }

    @Override
    public Optional<BrowserSession> findByIdHash(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return Optional.ofNullable(sessions.get(idHash));
    }

    @Override
    public boolean delete(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return sessions.remove(idHash) != null;
    }

    /** Removes sessions whose expiry is strictly before {@code before}, earliest first. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        return ExpiredEntries.delete(sessions, BrowserSession::expiresAt, before, limit);
    }
}
