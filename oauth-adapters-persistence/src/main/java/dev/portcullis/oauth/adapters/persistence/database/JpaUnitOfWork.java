package dev.portcullis.oauth.adapters.persistence.database;

import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link UnitOfWork} of a persistence unit: one resource-local transaction for every repository
 * call of that persistence unit made on the calling thread while the work runs (see
 * {@link Transactions#inUnit}). The transaction begins at the first repository call and holds a
 * pooled connection until the unit ends; the unit passes the database circuit once. Repositories of
 * another persistence unit do not join. Thread-safe.
 */
public final class JpaUnitOfWork implements UnitOfWork {

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit whose repositories join */
    public JpaUnitOfWork(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return transactions.inUnit(work);
    }
}
