package dev.portcullis.oauth.adapters.persistence.change;

import dev.portcullis.oauth.application.change.ChangeListeners;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.port.ChangeListener;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ChangeNotifier} shared by every instance on one PostgreSQL database: a change is sent
 * with {@code pg_notify(channel, key)} on a pooled connection, one channel per {@link ChangeTopic};
 * a daemon thread, started by the first {@link #subscribe}, {@code LISTEN}s on every channel on a
 * dedicated connection and delivers what it hears. Each time it starts listening, the first time
 * too, it delivers an any-of-topic change for every topic, since notifications sent before are
 * lost, and only then reports {@link #listening()}. When that connection is lost it reconnects with
 * exponential backoff; a connection dropped silently by the network is noticed by a validity check
 * after 20 polls without a notification. {@link #close()} stops the thread. Thread-safe.
 *
 * @see <a href="https://www.postgresql.org/docs/current/sql-notify.html">PostgreSQL NOTIFY</a>
 */
public final class PostgresChangeNotifier implements ChangeNotifier, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeNotifier.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    /** How many empty polls pass between checks that the listening connection is alive. */
    private static final int POLLS_PER_CHECK = 20;

    private final DataSource pool;
    private final ConnectionSource listenConnections;
    private final int pollMillis;
    private final long maxBackoffMillis;
    private final ChangeListeners listeners = new ChangeListeners();
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    /**
     * Held while listeners are added, and while the any-of-topic changes are delivered and
     * {@link #hearing} is set: a listener is added either before those deliveries, and hears them,
     * or once {@link #listening()} is true.
     */
    private final Object subscriptions = new Object();
    private Thread thread;
    private volatile boolean closed;
    private volatile Connection listening;
    private volatile boolean hearing;

    /**
     * @param pool              where notifications are sent from
     * @param listenConnections opens the connection that listens; held as long as the notifier
     *                          runs, so better not one of the pool's
     * @param poll              how long one wait for notifications lasts; bounds how long
     *                          {@link #close()} may wait for the thread
     * @param maxBackoff        the longest pause between attempts to reconnect
     */
    public PostgresChangeNotifier(DataSource pool, ConnectionSource listenConnections, Duration poll,
                                  Duration maxBackoff) {
        this.pool = Objects.requireNonNull(pool, "pool");
        this.listenConnections = Objects.requireNonNull(listenConnections, "listenConnections");
        if (poll.isNegative() || poll.isZero() || maxBackoff.toMillis() < FIRST_BACKOFF_MILLIS) {
            throw new IllegalArgumentException("poll must be positive and maxBackoff at least 100 ms");
        }
        this.pollMillis = Math.toIntExact(poll.toMillis());
        this.maxBackoffMillis = maxBackoff.toMillis();
    }

    /** Sends {@code change} with {@code pg_notify}; PostgreSQL delivers it to every listener on commit. */
    @Override
    public void publish(Change change) {
        Objects.requireNonNull(change, "change");
        try (Connection connection = pool.getConnection();
             PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            notify.setString(1, change.topic().channel());
            notify.setString(2, change.key().orElse(""));
            notify.execute();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // The change is committed; other instances see it when their cache entries expire.
            LOG.warn("could not announce a change to other instances: topic={} cause={}", change.topic(), e.toString());
        }
    }

    @Override
    public void subscribe(ChangeListener listener) {
        synchronized (subscriptions) {
            listeners.add(listener);
        }
        synchronized (lifecycle) {
            if (thread == null && !closed) {
                thread = new Thread(this::listen, "portcullis-change-listener");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    /** True while the connection {@code LISTEN}s, once the any-of-topic changes of its start were delivered. */
    @Override
    public boolean listening() {
        return hearing;
    }

    /**
     * Waits until the listening connection was established once and the any-of-topic changes of
     * its start were delivered.
     *
     * @return whether it was within {@code timeout}
     */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        return firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops listening and waits, for a bounded time, for the thread to end. Idempotent. */
    @Override
    public void close() {
        Thread running;
        synchronized (lifecycle) {
            closed = true;
            running = thread;
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        closeQuietly(listening);
        try {
            running.join(pollMillis + 5_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void listen() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean heardBefore = false;
        while (!closed) {
            try (Connection connection = listenConnections.open()) {
                listening = connection;
                subscribeChannels(connection);
                startHearing(heardBefore);
                heardBefore = true;
                backoff = FIRST_BACKOFF_MILLIS;
                firstListen.countDown();
                receive(connection);
            } catch (SQLException e) {
                if (closed) {
                    break;
                }
                LOG.warn("change notifications interrupted, reconnecting in {} ms: cause={}", backoff, e.toString());
                if (!pause(backoff)) {
                    break;
                }
                backoff = Math.min(backoff * 2, maxBackoffMillis);
            } finally {
                hearing = false;
                listening = null;
            }
        }
        LOG.debug("change listener stopped");
    }

    /**
     * Tells every listener that it may have missed changes (nothing was heard before this
     * connection listened), then reports that changes are heard.
     */
    private void startHearing(boolean again) {
        if (again) {
            LOG.info("listening for changes again; dropping every cached client and key, reloading the deny list");
        } else {
            LOG.debug("listening for changes");
        }
        synchronized (subscriptions) {
            for (ChangeTopic topic : ChangeTopic.values()) {
                listeners.deliver(Change.anyOf(topic));
            }
            hearing = true;
        }
    }

    private static void subscribeChannels(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            for (ChangeTopic topic : ChangeTopic.values()) {
                // A constant identifier of the enum, never input: safe to put in the statement.
                statement.execute("LISTEN " + topic.channel());
            }
        }
    }

    private void receive(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        int quietPolls = 0;
        while (!closed) {
            PGNotification[] notifications = postgres.getNotifications(pollMillis);
            if (notifications != null && notifications.length > 0) {
                quietPolls = 0;
                for (PGNotification notification : notifications) {
                    deliver(notification);
                }
            } else if (++quietPolls >= POLLS_PER_CHECK) {
                quietPolls = 0;
                // A connection dropped silently by the network gives no error, only silence.
                if (!connection.isValid(Math.max(1, pollMillis / 1000))) {
                    throw new SQLException("the listening connection is no longer valid");
                }
            }
        }
    }

    private void deliver(PGNotification notification) {
        for (ChangeTopic topic : ChangeTopic.values()) {
            if (topic.channel().equals(notification.getName())) {
                listeners.deliver(toChange(topic, notification.getParameter()));
            }
        }
    }

    static Change toChange(ChangeTopic topic, String payload) {
        if (payload == null || payload.isEmpty() || payload.length() > Change.MAX_KEY_LENGTH) {
            return Change.anyOf(topic);
        }
        return Change.of(topic, payload);
    }

    /** Sleeps for {@code millis}; false when interrupted (the notifier is closing). */
    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // Closing to unblock the listening thread; a failure here changes nothing.
            LOG.debug("closing the listening connection failed: cause={}", e.toString());
        }
    }
}
