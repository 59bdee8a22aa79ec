package dev.portcullis.oauth.adapters.persistence.job;

import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.port.JobLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link JobLock} shared by every instance on one PostgreSQL database: a transaction-scoped
 * advisory lock ({@code pg_try_advisory_xact_lock}), taken without waiting and released when the
 * transaction that holds it ends, also when the instance dies. The work runs while that
 * transaction is open, on other connections of the pool, so the pool needs at least two
 * connections. The lock key is the first 8 bytes of SHA-256 of the name. Thread-safe.
 *
 * @see <a href="https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADVISORY-LOCKS">PostgreSQL advisory locks</a>
 */
public final class PostgresAdvisoryJobLock implements JobLock {

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit, on PostgreSQL */
    public PostgresAdvisoryJobLock(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public <T> Optional<T> runExclusively(String name, Supplier<T> work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        long key = lockKey(name);
        return transactions.call(entityManager -> {
            Object locked = entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, key)
                    .getSingleResult();
            return Boolean.TRUE.equals(locked) ? Optional.of(work.get()) : Optional.<T>empty();
        });
    }

    /** The advisory lock key of {@code name}: the same on every instance. */
    static long lockKey(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("portcullis-job:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
