package dev.portcullis.oauth.adapters.persistence.database;

import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each repository call in its own resource-local transaction, with its own entity manager,
 * behind the {@link DatabaseCircuit}, and turns database failures into the exceptions the ports
 * promise. Inside a unit of work ({@link JpaUnitOfWork}) a call instead joins the unit's transaction,
 * bound to the calling thread, and does not pass the circuit again. A call works through Hibernate
 * ({@link #call}, {@link #read}) or sends one plain JDBC statement ({@link #execute}). Thread-safe.
 */
public final class Transactions {

    /** SQL:2016 state for a unique or primary key violation, used by PostgreSQL and H2. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** SQL:2016 state for a foreign key violation, used by PostgreSQL and H2. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /**
     * How often a claimed row may vanish before the contention is reported. Each lost attempt
     * means another transaction committed a delete of that very row, so the system progresses;
     * H2 loses more often than PostgreSQL, whose ON CONFLICT waits for an in-flight delete.
     */
    private static final int CLAIM_ATTEMPTS = 100;

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final EntityManagerFactory factory;
    private final DatabaseCircuit circuit;
    private static final String[] NO_COLUMNS = {};

    /** The JDBC query timeout of the statements of {@link #execute}, in whole seconds. */
    private final int queryTimeoutSeconds;
    /** The unit of work each thread runs, if any; per instance, so that two databases never share one. */
    private final ThreadLocal<OpenUnit> units = new ThreadLocal<>();

    /** Transactions behind a circuit with {@link DatabaseResilience#DEFAULTS}, and its query timeout. */
    public Transactions(EntityManagerFactory factory) {
        this(factory, new DatabaseCircuit(DatabaseResilience.DEFAULTS), DatabaseResilience.DEFAULTS.queryTimeout());
    }

    /**
     * @param factory      where entity managers come from; closed by its owner, not here
     * @param circuit      the circuit breaker every call passes through
     * @param queryTimeout the longest a statement of {@link #execute} may run (whole seconds, at
     *                     least one); Hibernate's own queries take theirs from the factory
     */
    public Transactions(EntityManagerFactory factory, DatabaseCircuit circuit, Duration queryTimeout) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        if (Objects.requireNonNull(queryTimeout, "queryTimeout").toSeconds() < 1) {
            throw new IllegalArgumentException("queryTimeout must be at least one second");
        }
        this.queryTimeoutSeconds = Math.toIntExact(queryTimeout.toSeconds());
    }

    /**
     * Runs {@code work} in a new transaction: committed when it returns, rolled back when it throws.
     * Inside a unit of work, runs it in the unit's transaction instead, then flushes: a failure is
     * thrown as below, and the whole unit rolls back.
     *
     * @return what {@code work} returned
     * @throws DuplicateKeyException       when a primary key or unique constraint refused a write
     * @throws IllegalArgumentException    when a value does not fit its column, or refers to a
     *                                     row that does not exist (a foreign key)
     * @throws ServiceUnavailableException on any other database failure (connection refused or
     *                                     lost, timeout, missing table), and at once, without
     *                                     touching the database, while the circuit is open
     */
    public <T> T call(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        OpenUnit unit = units.get();
        if (unit != null) {
            return unit.join(work);
        }
        return inOwnTransaction(work);
    }

    /**
     * Runs the one JDBC statement {@code sql}, prepared with the query timeout, through {@code work},
     * as {@link #call(Function)} runs its work: in a transaction of its own, or in the transaction of
     * the unit of work the thread runs. For the hot paths (issue #7): Hibernate neither translates
     * nor tracks the statement, and inside a unit no flush or clear follows it, since it leaves
     * nothing in the persistence context (and every other call of a unit flushes at its end, so
     * nothing is pending before it). The driver reuses what it prepared for the same text on the
     * same connection.
     *
     * @param sql  one statement, with {@code ?} parameters
     * @param work binds, executes and reads the statement
     * @return what {@code work} returned
     * @throws DuplicateKeyException       as {@link #call(Function)} does
     * @throws IllegalArgumentException    as {@link #call(Function)} does
     * @throws ServiceUnavailableException as {@link #call(Function)} does
     */
    public <T> T execute(String sql, StatementWork<T> work) {
        return execute(sql, NO_COLUMNS, work);
    }

    /**
     * Like {@link #execute(String, StatementWork)}, for a statement that returns the values of
     * {@code columns} of the rows it changed: {@code work} reads them from the statement's
     * {@link PreparedStatement#getGeneratedKeys()} (an {@code UPDATE ... RETURNING} on PostgreSQL;
     * H2 returns them the same way). No columns: nothing is returned.
     */
    public <T> T execute(String sql, String[] columns, StatementWork<T> work) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(work, "work");
        String[] returned = Objects.requireNonNull(columns, "columns").clone();
        Function<EntityManager, T> onConnection = entityManager -> entityManager.unwrap(Session.class)
                .doReturningWork(connection -> {
                    try (PreparedStatement statement = returned.length == 0
                            ? connection.prepareStatement(sql) : connection.prepareStatement(sql, returned)) {
                        statement.setQueryTimeout(queryTimeoutSeconds);
                        return work.apply(statement);
                    }
                });
        OpenUnit unit = units.get();
        if (unit != null) {
            return unit.joinWithoutFlush(onConnection);
        }
        return inOwnTransaction(onConnection);
    }

    /** Runs {@code work} through the circuit in a transaction of its own, on a new entity manager. */
    private <T> T inOwnTransaction(Function<EntityManager, T> work) {
        return circuit.call(() -> {
            try (EntityManager entityManager = factory.createEntityManager()) {
                return inTransaction(entityManager, work);
            } catch (PersistenceException e) {
                throw translate(e);
            }
        });
    }

    /**
     * Whether the calling thread runs a unit of work of this persistence unit: then every call joins
     * its one transaction, and the rows the calls change stay locked until the unit ends.
     */
    public boolean inUnit() {
        return units.get() != null;
    }

    /** The unit of work the calling thread runs, if any. */
    Optional<OpenUnit> currentUnit() {
        return Optional.ofNullable(units.get());
    }

    /** Starts a unit of work on the calling thread: this persistence unit's calls join it until {@link #endUnit}. */
    OpenUnit startUnit() {
        if (units.get() != null) {
            throw new IllegalStateException("the thread runs a unit of work already");
        }
        OpenUnit unit = new OpenUnit(factory, circuit);
        units.set(unit);
        return unit;
    }

    /** Ends the calling thread's unit of work and releases its connection; committed or rolled back before. */
    void endUnit(OpenUnit unit) {
        units.remove();
        unit.close();
    }

    /**
     * Runs {@code work}, which only reads and needs no consistent snapshot across its statements
     * (one statement, or rows that never change once written), without a transaction of its own: in
     * auto-commit, each statement is one round trip, and no COMMIT follows.
     * Inside a unit of work, runs it in the unit's transaction, as {@link #call(Function)} does, so
     * that it sees the unit's own writes.
     *
     * @return what {@code work} returned
     * @throws ServiceUnavailableException as {@link #call(Function)} does
     */
    public <T> T read(Function<EntityManager, T> work) {
        Objects.requireNonNull(work, "work");
        OpenUnit unit = units.get();
        if (unit != null) {
            return unit.join(work);
        }
        return circuit.call(() -> {
            try (EntityManager entityManager = factory.createEntityManager()) {
                return work.apply(entityManager);
            } catch (PersistenceException e) {
                throw translate(e);
            }
        });
    }

    /** Like {@link #call(Function)}, for work that returns nothing. */
    public void run(Consumer<EntityManager> work) {
        Objects.requireNonNull(work, "work");
        call(entityManager -> {
            work.accept(entityManager);
            return Boolean.TRUE;
        });
    }

    /**
     * Inserts {@code entity} in its own transaction (or the unit's) with a plain INSERT: the primary
     * key, not a prior lookup, decides a race between two inserts of one key. Inside a unit of work
     * a duplicate dooms the unit (PostgreSQL refuses every further statement of the transaction),
     * so a caller that expects duplicates uses an {@code INSERT ... ON CONFLICT DO NOTHING} instead.
     *
     * @param what names the row for the error, e.g. {@code "a refresh token with this hash"}
     * @throws IllegalStateException when a row with the same key exists
     */
    public void insert(Object entity, String what) {
        try {
            run(entityManager -> entityManager.persist(entity));
        } catch (DuplicateKeyException e) {
            throw new IllegalStateException(what + " exists", e);
        }
    }

    /**
     * The row of {@code type} with primary key {@code id}, created first if missing and locked
     * for update until the transaction ends, so that the caller can overwrite it. Concurrent
     * claims of one id wait for each other rather than fail on the primary key.
     *
     * @param claimSql a native {@code INSERT ... ON CONFLICT DO NOTHING} of a placeholder row,
     *                 with the id as parameter 1
     * @throws ServiceUnavailableException when the row keeps vanishing under concurrent deletes
     */
    public <E> E claim(EntityManager entityManager, Class<E> type, String id, String claimSql) {
        return claim(entityManager, type, id, claimSql, id);
    }

    /**
     * Like {@link #claim(EntityManager, Class, String, String)}, for any primary key (a composite
     * one included) and a placeholder insert with several parameters.
     *
     * @param id         the primary key, as {@link EntityManager#find} takes it
     * @param claimSql   a native {@code INSERT ... ON CONFLICT DO NOTHING} of a placeholder row
     * @param parameters the positional parameters of {@code claimSql}, from 1
     * @throws ServiceUnavailableException when the row keeps vanishing under concurrent deletes
     */
    public <E> E claim(EntityManager entityManager, Class<E> type, Object id, String claimSql, Object... parameters) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            Query insert = entityManager.createNativeQuery(claimSql);
            for (int i = 0; i < parameters.length; i++) {
                insert.setParameter(i + 1, parameters[i]);
            }
            insert.executeUpdate();
            E entity = entityManager.find(type, id, LockModeType.PESSIMISTIC_WRITE);
            if (entity != null) {
                return entity;
            }
            // A concurrent delete removed the row between the insert and the lock; claim it again.
            LOG.debug("claimed row deleted concurrently: table={} attempt={}", type.getSimpleName(), attempt);
        }
        throw new ServiceUnavailableException("database",
                new IllegalStateException("row deleted concurrently " + CLAIM_ATTEMPTS + " times in a row"));
    }

    private static <T> T inTransaction(EntityManager entityManager, Function<EntityManager, T> work) {
        EntityTransaction transaction = entityManager.getTransaction();
        transaction.begin();
        try {
            T result = work.apply(entityManager);
            transaction.commit();
            return result;
        } catch (RuntimeException e) {
            rollback(transaction, e);
            throw e;
        }
    }

    private static void rollback(EntityTransaction transaction, RuntimeException failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (PersistenceException rollbackFailure) {
            // The connection is likely gone; the first failure is the one to report.
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Maps a database failure to what the ports promise; see {@link #call(Function)}. */
    static RuntimeException translate(PersistenceException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && isUniqueViolation(violation)) {
                return new DuplicateKeyException(violation.getConstraintName(), failure);
            }
            if (cause instanceof ConstraintViolationException violation && isForeignKeyViolation(violation)) {
                return new IllegalArgumentException("a value refers to a row that does not exist (constraint "
                        + violation.getConstraintName() + ")", failure);
            }
            if (cause instanceof DataException) {
                return new IllegalArgumentException("a value does not fit its database column", failure);
            }
        }
        return new ServiceUnavailableException("database", failure);
    }

    private static boolean isForeignKeyViolation(ConstraintViolationException violation) {
        return violation.getKind() == ConstraintViolationException.ConstraintKind.FOREIGN_KEY
                || FOREIGN_KEY_VIOLATION.equals(violation.getSQLState());
    }

    private static boolean isUniqueViolation(ConstraintViolationException violation) {
        return violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                || UNIQUE_VIOLATION.equals(violation.getSQLState());
    }
}
