package dev.portcullis.oauth.adapters.persistence.key;

import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SigningKeyRepository} in the {@code signing_key} table. Each method is one
 * transaction, or joins the unit of work in progress;
 * database failures surface as {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}.
 * Creation times are stored to the microsecond. Thread-safe.
 */
public final class JpaSigningKeyRepository implements SigningKeyRepository {

    // Sorted here rather than by ORDER BY, whose tie-break on kid depends on the database's collation.
    private static final Comparator<SigningKey> OLDEST_FIRST =
            Comparator.comparing(SigningKey::createdAt).thenComparing(key -> key.id().value());

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaSigningKeyRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<SigningKey> findAll() {
        return transactions.call(entityManager -> entityManager
                .createQuery("select k from SigningKeyEntity k", SigningKeyEntity.class)
                .getResultList().stream()
                .map(SigningKeyEntityMapper::toDomain)
                .sorted(OLDEST_FIRST)
                .toList());
    }

    @Override
    public Optional<SigningKey> findById(KeyId id) {
        Objects.requireNonNull(id, "id");
        return transactions.call(entityManager -> Optional.ofNullable(entityManager.find(SigningKeyEntity.class, id.value()))
                .map(SigningKeyEntityMapper::toDomain));
    }

    /** A plain INSERT: the primary key and the unique slot decide a race between instances. */
    @Override
    public void add(SigningKey key) {
        Objects.requireNonNull(key, "key");
        transactions.insert(SigningKeyEntityMapper.toEntity(key),
                "a signing key with kid " + key.id() + ", or a " + key.state() + " key for " + key.algorithm().jwsName() + ",");
    }

    /**
     * Locks the next key's row, then retires the current key of its algorithm and promotes the next
     * one, in this order so that the unique slot holds at every statement.
     */
    @Override
    public boolean promote(KeyId next, Instant at) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(at, "at");
        Instant when = SigningKeyEntityMapper.micros(at);
        return transactions.call(entityManager -> {
            SigningKeyEntity entity = entityManager.find(SigningKeyEntity.class, next.value(), LockModeType.PESSIMISTIC_WRITE);
            if (entity == null || !KeyState.NEXT.name().equals(entity.state)) {
                return false;
            }
            entityManager.createQuery("update SigningKeyEntity k set k.state = :retired, k.slot = null, k.retiredAt = :at"
                            + " where k.algorithm = :alg and k.state = :current")
                    .setParameter("retired", KeyState.RETIRED.name())
                    .setParameter("at", when)
                    .setParameter("alg", entity.algorithm)
                    .setParameter("current", KeyState.CURRENT.name())
                    .executeUpdate();
            entityManager.createQuery("update SigningKeyEntity k set k.state = :current, k.slot = :slot, k.activatedAt = :at"
                            + " where k.kid = :kid")
                    .setParameter("current", KeyState.CURRENT.name())
                    .setParameter("slot", KeyState.CURRENT.name() + ":" + entity.algorithm)
                    .setParameter("at", when)
                    .setParameter("kid", next.value())
                    .executeUpdate();
            return true;
        });
    }

    @Override
    public int replaceEncryptedPrivateKeys(Map<KeyId, byte[]> encrypted) {
        Objects.requireNonNull(encrypted, "encrypted");
        if (encrypted.isEmpty()) {
            return 0;
        }
        return transactions.call(entityManager -> {
            int changed = 0;
            for (Map.Entry<KeyId, byte[]> entry : encrypted.entrySet()) {
                changed += entityManager.createQuery(
                                "update SigningKeyEntity k set k.encryptedPrivateKey = :sealed where k.kid = :kid")
                        .setParameter("sealed", entry.getValue().clone())
                        .setParameter("kid", entry.getKey().value())
                        .executeUpdate();
            }
            return changed;
        });
    }

    @Override
    public boolean delete(KeyId id) {
        Objects.requireNonNull(id, "id");
        return transactions.call(entityManager -> entityManager
                .createQuery("delete from SigningKeyEntity k where k.kid = :kid")
                .setParameter("kid", id.value())
                .executeUpdate() > 0);
    }
}
