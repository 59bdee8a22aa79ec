package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SigningKeyRepository} that announces every committed write ({@link ChangeTopic#SIGNING_KEYS},
 * keyed by {@code kid}), so that every instance reloads its key ring at once rather than at its next
 * scheduled refresh. A write that changed nothing announces nothing. Thread-safe when the delegate is.
 */
public final class NotifyingSigningKeyRepository implements SigningKeyRepository {

    private final SigningKeyRepository delegate;
    private final ChangeNotifier changes;

    /**
     * @param delegate the repository of record
     * @param changes  where writes are announced
     */
    public NotifyingSigningKeyRepository(SigningKeyRepository delegate, ChangeNotifier changes) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public List<SigningKey> findAll() {
        return delegate.findAll();
    }

    @Override
    public Optional<SigningKey> findById(KeyId id) {
        return delegate.findById(id);
    }

    @Override
    public void add(SigningKey key) {
        delegate.add(key);
        announce(key.id());
    }

    @Override
    public boolean promote(KeyId next, Instant at) {
        boolean promoted = delegate.promote(next, at);
        if (promoted) {
            announce(next);
        }
        return promoted;
    }

    @Override
    public int replaceEncryptedPrivateKeys(Map<KeyId, byte[]> encrypted) {
        int replaced = delegate.replaceEncryptedPrivateKeys(encrypted);
        if (replaced > 0) {
            changes.publish(Change.anyOf(ChangeTopic.SIGNING_KEYS));
        }
        return replaced;
    }

    @Override
    public boolean delete(KeyId id) {
        boolean deleted = delegate.delete(id);
        if (deleted) {
            announce(id);
        }
        return deleted;
    }

    private void announce(KeyId id) {
        changes.publish(Change.of(ChangeTopic.SIGNING_KEYS, id.value()));
    }
}
