package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.application.authorization.PendingAuthorization;
import dev.portcullis.oauth.application.authorization.PendingAuthorizationStore;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PendingAuthorizationStore} in the {@code pending_authorization} table, shared by every
 * instance on the database, so that a login started on one instance can finish on another. Each
 * method is one transaction, or joins the unit of work in progress; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Times are stored to the
 * microsecond. Thread-safe.
 */
public final class JpaPendingAuthorizationStore implements PendingAuthorizationStore {

    /**
     * Inserts a placeholder row for the id unless one exists; save() then overwrites every column.
     * ON CONFLICT DO NOTHING waits for a concurrent insert of the same id instead of failing.
     */
    private static final String CLAIM = "INSERT INTO pending_authorization (id_hash, client_id, redirect_uri,"
            + " response_mode, scope, csrf_token, flow_binding_hash, expires_at)"
            + " VALUES (?1, '-', '-', '-', '', '-', '-', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this store belongs to */
    public JpaPendingAuthorizationStore(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void save(PendingAuthorization pending) {
        Objects.requireNonNull(pending, "pending");
        transactions.run(entityManager -> PendingAuthorizationEntityMapper.copy(pending,
                transactions.claim(entityManager, PendingAuthorizationEntity.class, pending.idHash(), CLAIM)));
    }

    @Override
    public Optional<PendingAuthorization> find(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return transactions.call(entityManager -> Optional
                .ofNullable(entityManager.find(PendingAuthorizationEntity.class, idHash))
                .map(PendingAuthorizationEntityMapper::toDomain));
    }

    /**
     * Locks the row, reads it and deletes it in one transaction; of concurrent removals (on any
     * instance) only the one whose DELETE removed the row returns it.
     */
    @Override
    public Optional<PendingAuthorization> remove(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return transactions.call(entityManager -> {
            PendingAuthorizationEntity entity = entityManager.find(PendingAuthorizationEntity.class, idHash,
                    LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return Optional.<PendingAuthorization>empty();
            }
            PendingAuthorization pending = PendingAuthorizationEntityMapper.toDomain(entity);
            int deleted = entityManager.createQuery("delete from PendingAuthorizationEntity p where p.idHash = :idHash")
                    .setParameter("idHash", idHash)
                    .executeUpdate();
            return deleted == 1 ? Optional.of(pending) : Optional.<PendingAuthorization>empty();
        });
    }

    /** Removes requests whose expiry is strictly before {@code before}, earliest first. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        return transactions.call(entityManager ->
                ExpiredRows.delete(entityManager, "pending_authorization", "id_hash", before, limit));
    }
}
