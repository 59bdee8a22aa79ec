package dev.portcullis.oauth.adapters.persistence.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One unit of work in progress on one thread: an entity manager and its transaction, shared by every
 * repository call the thread makes until the unit ends. The transaction begins at the first
 * repository call, so a unit that reads and writes nothing costs no connection; that call also
 * passes the {@link DatabaseCircuit}, once for the whole unit. Not thread-safe: it belongs to the
 * thread {@link Transactions} bound it to.
 */
final class OpenUnit {

    private static final Logger LOG = LoggerFactory.getLogger(OpenUnit.class);

    private final EntityManagerFactory factory;
    private final DatabaseCircuit circuit;
    private Optional<EntityManager> entityManager = Optional.empty();
    private long startedNanos;
    private Optional<RuntimeException> failure = Optional.empty();
    private final List<Runnable> committedActions = new ArrayList<>();

    OpenUnit(EntityManagerFactory factory, DatabaseCircuit circuit) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
    }

    /**
     * Runs one repository call in the unit's transaction, then flushes, so that a constraint
     * violation surfaces at the call that caused it, and clears the persistence context, so that
     * the next call reads the rows again as a call in its own transaction would.
     *
     * @throws IllegalStateException when an earlier call failed: the unit can only roll back now
     *                               (and on PostgreSQL the transaction refuses every statement)
     */
    <T> T join(Function<EntityManager, T> work) {
        return join(work, true);
    }

    /**
     * Like {@link #join}, without the flush and the clear: for a call whose JDBC statements bypass
     * the persistence context, which leaves nothing there to flush or forget.
     */
    <T> T joinWithoutFlush(Function<EntityManager, T> work) {
        return join(work, false);
    }

    private <T> T join(Function<EntityManager, T> work, boolean flush) {
        if (failure.isPresent()) {
            throw new IllegalStateException("a call in this unit of work failed; it rolls back", failure.get());
        }
        EntityManager manager;
        try {
            manager = begin();
        } catch (RuntimeException e) {
            throw fail(e);
        }
        try {
            T result = work.apply(manager);
            if (flush) {
                manager.flush();
                manager.clear();
            }
            return result;
        } catch (PersistenceException e) {
            throw fail(Transactions.translate(e));
        } catch (RuntimeException e) {
            throw fail(e);
        }
    }

    /** Keeps {@code action} for {@link #runAfterCommit()}. */
    void afterCommit(Runnable action) {
        committedActions.add(Objects.requireNonNull(action, "action"));
    }

    /**
     * Runs the actions kept by {@link #afterCommit(Runnable)}, in order, once the unit committed. A
     * failing action is logged and the others still run: the unit's writes hold whatever they do.
     */
    void runAfterCommit() {
        for (Runnable action : committedActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("an action after the commit of a unit of work failed", e);
            }
        }
        committedActions.clear();
    }

    /** Marks the unit for rollback because of {@code cause}, unless an earlier failure did; returns {@code cause}. */
    RuntimeException fail(RuntimeException cause) {
        if (failure.isEmpty()) {
            failure = Optional.of(cause);
        }
        return cause;
    }

    /**
     * Commits what the unit wrote, unless a call in it failed: then it rolls back and throws that
     * failure.
     *
     * @throws RuntimeException the first failure of a call in the unit, or the translated failure
     *                          of the commit
     */
    void commit() {
        if (failure.isPresent()) {
            rollback(failure.get());
            throw failure.get();
        }
        if (entityManager.isEmpty()) {
            return;
        }
        try {
            entityManager.get().getTransaction().commit();
        } catch (PersistenceException e) {
            RuntimeException translated = Transactions.translate(e);
            rollback(translated);
            throw translated;
        }
        circuit.succeeded(System.nanoTime() - startedNanos);
    }

    /** Rolls back what the unit wrote because of {@code cause}; a failed rollback is added to {@code cause}. */
    void rollback(Throwable cause) {
        if (entityManager.isEmpty()) {
            return;
        }
        EntityTransaction transaction = entityManager.get().getTransaction();
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (PersistenceException rollbackFailure) {
            // The connection is likely gone, which ends the transaction anyway; the cause is what to report.
            cause.addSuppressed(rollbackFailure);
        }
        circuit.failed(System.nanoTime() - startedNanos, failure.<Throwable>map(first -> first).orElse(cause));
    }

    /** Releases the entity manager and its connection; the unit is over. */
    void close() {
        entityManager.ifPresent(EntityManager::close);
        entityManager = Optional.empty();
    }

    private EntityManager begin() {
        if (entityManager.isPresent()) {
            return entityManager.get();
        }
        circuit.enter();
        startedNanos = System.nanoTime();
        EntityManager manager = factory.createEntityManager();
        try {
            manager.getTransaction().begin();
        } catch (PersistenceException e) {
            manager.close();
            RuntimeException translated = Transactions.translate(e);
            circuit.failed(System.nanoTime() - startedNanos, translated);
            throw translated;
        } catch (RuntimeException e) {
            manager.close();
            circuit.failed(System.nanoTime() - startedNanos, e);
            throw e;
        }
        entityManager = Optional.of(manager);
        return manager;
    }
}
