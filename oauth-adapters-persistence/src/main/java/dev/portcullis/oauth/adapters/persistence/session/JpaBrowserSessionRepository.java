package dev.portcullis.oauth.adapters.persistence.session;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.session.BrowserSession;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link BrowserSessionRepository} in the {@code browser_session} table. Each method is one
 * transaction, or joins the unit of work in progress; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Times are stored to the
 * microsecond. Thread-safe.
 */
public final class JpaBrowserSessionRepository implements BrowserSessionRepository {

    /**
     * Inserts a placeholder row for the id unless one exists; save() then overwrites every column.
     * ON CONFLICT DO NOTHING waits for a concurrent insert of the same id instead of failing.
     */
    private static final String CLAIM = "INSERT INTO browser_session (id_hash, subject, auth_time, expires_at)"
            + " VALUES (?1, '-', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaBrowserSessionRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void save(BrowserSession session) {
        Objects.requireNonNull(session, "session");
        transactions.run(entityManager -> BrowserSessionEntityMapper.copy(session,
                transactions.claim(entityManager, BrowserSessionEntity.class, session.idHash(), CLAIM)));
    }

    @Override
    public Optional<BrowserSession> findByIdHash(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return transactions.call(entityManager -> Optional
                .ofNullable(entityManager.find(BrowserSessionEntity.class, idHash))
                .map(BrowserSessionEntityMapper::toDomain));
    }

    @Override
    public boolean delete(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return transactions.call(entityManager -> entityManager
                .createQuery("delete from BrowserSessionEntity s where s.idHash = :idHash")
                .setParameter("idHash", idHash)
                .executeUpdate() > 0);
    }

    /** Removes sessions whose expiry is strictly before {@code before}, earliest first. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        return transactions.call(entityManager ->
                ExpiredRows.delete(entityManager, "browser_session", "id_hash", before, limit));
    }
}
