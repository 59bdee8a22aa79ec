package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SigningKeyRepository} held in memory and lost when the process ends. Thread-safe: every
 * method holds the repository's monitor, so that the one-next-one-current rule and a promotion are
 * atomic. {@link SigningKey} copies its private key bytes in and out, so stored values are shared as is.
 */
public final class InMemorySigningKeyRepository implements SigningKeyRepository {

    /** Oldest first; the id breaks ties so that the order is total. */
    private static final Comparator<SigningKey> OLDEST_FIRST =
            Comparator.comparing(SigningKey::createdAt).thenComparing(key -> key.id().value());

    private final Map<KeyId, SigningKey> keys = new HashMap<>();

    @Override
    public synchronized List<SigningKey> findAll() {
        return keys.values().stream().sorted(OLDEST_FIRST).toList();
    }

    @Override
    public synchronized Optional<SigningKey> findById(KeyId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(keys.get(id));
    }

    @Override
    public synchronized void add(SigningKey key) {
        Objects.requireNonNull(key, "key");
        if (keys.containsKey(key.id())) {
            throw new IllegalStateException("a signing key with kid " + key.id() + " exists");
        }
        if (key.state() != KeyState.RETIRED && find(key.algorithm(), key.state()).isPresent()) {
            throw new IllegalStateException("a " + key.state() + " signing key for " + key.algorithm().jwsName() + " exists");
        }
        keys.put(key.id(), key);
    }

    @Override
    public synchronized boolean promote(KeyId next, Instant at) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        SigningKey promoted = keys.get(next);
        if (promoted == null || promoted.state() != KeyState.NEXT) {
            return false;
        }
        find(promoted.algorithm(), KeyState.CURRENT).ifPresent(current -> keys.put(current.id(), current.retired(at)));
        keys.put(next, promoted.activated(at));
        return true;
    }

    @Override
    public synchronized int replaceEncryptedPrivateKeys(Map<KeyId, byte[]> encrypted) {
        Objects.requireNonNull(encrypted, "encrypted");
        int changed = 0;
        for (Map.Entry<KeyId, byte[]> entry : encrypted.entrySet()) {
            SigningKey stored = keys.get(entry.getKey());
            if (stored != null) {
                keys.put(stored.id(), stored.withEncryptedPrivateKey(entry.getValue()));
                changed++;
            }
        }
        return changed;
    }

    @Override
    public synchronized boolean delete(KeyId id) {
        Objects.requireNonNull(id, "id");
        return keys.remove(id) != null;
    }

    private Optional<SigningKey> find(SigningAlgorithm algorithm, KeyState state) {
        return keys.values().stream().filter(k -> k.algorithm() == algorithm && k.state() == state).findFirst();
    }
}
