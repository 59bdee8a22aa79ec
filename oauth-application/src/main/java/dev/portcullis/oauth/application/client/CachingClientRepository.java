package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ClientRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps client registrations in memory for a short time, so the token endpoint does not read the
 * database on every request. Changes made through this repository take effect at once; changes
 * made elsewhere (another instance, another process) when {@link #evict} is called for them (on a
 * change notification), and within {@code ttl} at the latest. Unknown ids are
 * remembered too, so a flood of made-up ids cannot turn into a flood of queries. Thread-safe and
 * bounded: the cache empties when full.
 */
public final class CachingClientRepository implements ClientRepository {

    private record Entry(Optional<Client> client, Instant expiresAt) {
    }

    private final ClientRepository delegate;
    private final Clock clock;
    private final Duration ttl;
    private final int maxEntries;
    private final ConcurrentHashMap<ClientId, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param delegate   the repository of record
     * @param clock      the source of "now" for expiry
     * @param ttl        how long an entry is trusted
     * @param maxEntries how many ids are remembered at most
     */
    public CachingClientRepository(ClientRepository delegate, Clock clock, Duration ttl, int maxEntries) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl must not be negative and maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        Instant now = Instant.now(clock);
        Entry entry = entries.get(id);
        if (entry != null && now.isBefore(entry.expiresAt())) {
            return entry.client();
        }
        Optional<Client> client = delegate.findById(id);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(id, new Entry(client, now.plus(ttl)));
        return client;
    }

    /** Forgets what is cached for {@code id}, e.g. because another instance changed it. */
    public void evict(ClientId id) {
        entries.remove(Objects.requireNonNull(id, "id"));
    }

    /** Forgets everything cached, e.g. after changes may have been missed. */
    public void evictAll() {
        entries.clear();
    }

    @Override
    public List<Client> findAll() {
        return delegate.findAll();
    }

    @Override
    public void save(Client client) {
        delegate.save(client);
        entries.remove(client.id());
    }

    @Override
    public boolean delete(ClientId id) {
        boolean deleted = delegate.delete(id);
        entries.remove(id);
        return deleted;
    }
}
