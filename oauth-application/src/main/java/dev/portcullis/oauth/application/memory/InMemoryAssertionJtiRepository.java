package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * An {@link AssertionJtiRepository} held in memory and lost when the process ends: one instance
 * only. Thread-safe: a use is one atomic {@code putIfAbsent}.
 */
public final class InMemoryAssertionJtiRepository implements AssertionJtiRepository {

    private record Key(ClientId client, String jti) {
    }

    private final ConcurrentMap<Key, Instant> used = new ConcurrentHashMap<>();

    @Override
    public boolean use(ClientId client, String jti, Instant expiresAt) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw new IllegalArgumentException("jti must be 1 to " + MAX_JTI_LENGTH + " characters");
        }
        return used.putIfAbsent(new Key(client, jti), expiresAt) == null;
    }

    /** Removes entries whose expiry is strictly before {@code before}, earliest first. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        return ExpiredEntries.delete(used, expiresAt -> expiresAt, before, limit);
    }
}
