package dev.portcullis.oauth.runtime.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Is the database answering? Runs {@code SELECT 1} with a query timeout on a thread of its own and
 * waits at most {@code timeout} for it, so that a hung database (or an exhausted pool) makes the
 * check fail fast instead of holding the caller. At most one query runs at a time: while one is
 * still pending, later checks wait on the same one. Thread-safe.
 */
public final class DatabaseCheck implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCheck.class);

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "portcullis-health-db");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Boolean> pending;

    /**
     * @param dataSource the pool to check
     * @param timeout    how long a check may take before it counts as failed
     */
    public DatabaseCheck(DataSource dataSource, Duration timeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** True when the database answered within the timeout. */
    public boolean isUp() {
        Future<Boolean> query = query();
        try {
            return query.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("readiness: the database did not answer within {} ms", timeout.toMillis());
            return false;
        } catch (ExecutionException e) {
            LOG.warn("readiness: the database check failed", e.getCause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized Future<Boolean> query() {
        if (pending == null || pending.isDone()) {
            pending = executor.submit(this::selectOne);
        }
        return pending;
    }

    private boolean selectOne() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            // The message names the failure (refused, unknown database), never the URL or password.
            LOG.warn("readiness: the database is unavailable: {}", e.getMessage());
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
