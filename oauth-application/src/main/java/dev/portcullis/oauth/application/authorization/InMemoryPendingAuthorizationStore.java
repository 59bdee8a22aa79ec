package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link PendingAuthorizationStore} held in memory: for one instance, embedding and tests. Lost
 * when the process ends; several instances need a shared store. Bounded: when full, expired
 * requests are dropped, and if it is still full a new request is refused as an outage (503), so
 * that a flood of abandoned authorization requests cannot exhaust memory. Thread-safe: each method
 * is one atomic map operation on immutable values.
 */
public final class InMemoryPendingAuthorizationStore implements PendingAuthorizationStore {

    private final ConcurrentMap<String, PendingAuthorization> pending = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxEntries;

    /**
     * @param clock      the source of "now", to drop expired requests when full
     * @param maxEntries how many requests may be pending at once
     */
    public InMemoryPendingAuthorizationStore(Clock clock, int maxEntries) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public void save(PendingAuthorization value) {
        Objects.requireNonNull(value, "pending");
        if (pending.size() >= maxEntries) {
            deleteExpired(Instant.now(clock), maxEntries);
            if (pending.size() >= maxEntries) {
                throw new ServiceUnavailableException("pending authorizations",
                        new IllegalStateException(maxEntries + " authorization requests are pending"));
            }
        }
        pending.put(value.idHash(), value);
    }

    @Override
    public Optional<PendingAuthorization> find(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return Optional.ofNullable(pending.get(idHash));
    }

    @Override
    public Optional<PendingAuthorization> remove(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return Optional.ofNullable(pending.remove(idHash));
    }

    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        int deleted = 0;
        Iterator<Map.Entry<String, PendingAuthorization>> entries = pending.entrySet().iterator();
        while (entries.hasNext() && deleted < limit) {
            Map.Entry<String, PendingAuthorization> entry = entries.next();
            if (!entry.getValue().expiresAt().isAfter(before) && pending.remove(entry.getKey(), entry.getValue())) {
                deleted++;
            }
        }
        return deleted;
    }
}
