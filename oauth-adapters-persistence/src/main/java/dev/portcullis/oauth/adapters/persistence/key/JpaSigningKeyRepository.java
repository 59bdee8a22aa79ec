package dev.portcullis.oauth.adapters.persistence.key;

import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link SigningKeyRepository} in the {@code signing_key} table. Each method is one transaction;
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

    @Override
    public void add(SigningKey key) {
        Objects.requireNonNull(key, "key");
        transactions.insert(SigningKeyEntityMapper.toEntity(key), "a signing key with kid " + key.id());
    }

    /** Changes only the stored key's {@link SigningKey#state() state}, in one conditional UPDATE. */
    @Override
    public boolean update(SigningKey key) {
        Objects.requireNonNull(key, "key");
        return transactions.call(entityManager -> entityManager
                .createQuery("update SigningKeyEntity k set k.state = :state where k.kid = :kid")
                .setParameter("state", key.state().name())
                .setParameter("kid", key.id().value())
                .executeUpdate() > 0);
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
