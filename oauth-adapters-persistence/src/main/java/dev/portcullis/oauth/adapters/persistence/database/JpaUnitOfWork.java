package dev.portcullis.oauth.adapters.persistence.database;

import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link UnitOfWork} of a persistence unit: one resource-local transaction for every repository
 * call of that persistence unit made on the calling thread while the work runs. The transaction
 * begins at the first repository call (a unit that touches no row takes no connection) and holds a
 * pooled connection until the unit ends; the unit passes the database circuit once. Each call is
 * flushed at its end, so that a constraint violation surfaces where it happens, translated as
 * outside a unit (a plain JDBC statement, {@link Transactions#execute}, leaves nothing to flush).
 * The rows a call changes stay locked until the unit ends. Repositories of another persistence
 * unit do not join. Thread-safe.
 */
public final class JpaUnitOfWork implements UnitOfWork {

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit whose repositories join */
    public JpaUnitOfWork(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * {@inheritDoc}
     *
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the database cannot
     *         be reached, the circuit is open, or the commit fails
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Optional<OpenUnit> joined = transactions.currentUnit();
        if (joined.isPresent()) {
            return nested(joined.get(), work);
        }
        OpenUnit unit = transactions.startUnit();
        T result = null;
        OAuthException refusal = null;
        try {
            try {
                result = work.get();
            } catch (OAuthException e) {
                // A refusal is an outcome: what led to it (a spent code, a revoked family) stays.
                refusal = e;
            } catch (RuntimeException | Error e) {
                unit.rollback(e);
                throw e;
            }
            unit.commit();
        } finally {
            transactions.endUnit(unit);
        }
        // Once the unit has ended: an action that uses a repository on this thread (a change listener
        // told on the publishing thread) runs in a transaction of its own, not in the committed one.
        unit.runAfterCommit();
        if (refusal != null) {
            throw refusal;
        }
        return result;
    }

    /** Keeps {@code action} until the unit the thread runs commits; runs it at once outside a unit. */
    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        transactions.currentUnit().ifPresentOrElse(unit -> unit.afterCommit(action), action);
    }

    /** Runs {@code work} in the unit the thread runs already; a failure other than a refusal dooms it. */
    private static <T> T nested(OpenUnit unit, Supplier<T> work) {
        try {
            return work.get();
        } catch (OAuthException refusal) {
            throw refusal;
        } catch (RuntimeException e) {
            throw unit.fail(e);
        }
    }
}
