package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link SigningKeyRepository} held in memory and lost when the process ends. Thread-safe: each
 * method is one atomic map operation. {@link SigningKey} copies its private key bytes in and out,
 * so stored values are shared as is.
 */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

    /** Oldest first; the id breaks ties so that the order is total. */
    private static final Comparator<SigningKey> OLDEST_FIRST =
            Comparator.comparing(SigningKey::createdAt).thenComparing(key -> key.id().value());

    private final ConcurrentMap<KeyId, SigningKey> keys = new ConcurrentHashMap<>();

    @Override
    public List<SigningKey> findAll() {
        return keys.values().stream().sorted(OLDEST_FIRST).toList();
    }

    @Override
    public Optional<SigningKey> findById(KeyId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public void add(SigningKey key) {
        Objects.requireNonNull(key, "key");
        if (keys.putIfAbsent(key.id(), key) != null) {
            throw new IllegalStateException("a signing key with kid " + key.id() + " exists");
        }
    }

    /** Changes only the stored key's {@link SigningKey#state() state}; its material never changes. */
    @Override
    public boolean update(SigningKey key) {
        Objects.requireNonNull(key, "key");
        return keys.computeIfPresent(key.id(), (id, stored) -> stored.withState(key.state())) != null;
    }

    @Override
    public boolean delete(KeyId id) {
        Objects.requireNonNull(id, "id");
        return keys.remove(id) != null;
    }
}
