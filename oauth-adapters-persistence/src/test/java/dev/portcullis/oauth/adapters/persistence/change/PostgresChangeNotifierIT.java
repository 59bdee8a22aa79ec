package dev.portcullis.oauth.adapters.persistence.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.adapters.persistence.PersistenceUnit;
import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.key.KeyId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link PostgresChangeNotifier} between "instances" on one PostgreSQL database: what one announces,
 * the others hear; the start of listening, and a lost listening connection once reopened, are
 * reported as any-of-topic changes before {@code listening()} turns true; closing stops the
 * listening thread. Waits are bounded; nothing asserts on elapsed time.
 */
final class PostgresChangeNotifierIT {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private final List<Integer> listeningPids = new ArrayList<>();

    @AfterEach
    void closeOpened() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    /** A notifier that listens on connections outside the pool, recording their server process ids. */
    private PostgresChangeNotifier notifier() throws SQLException {
        DataSource pool = DATABASE.dataSource();
        DataSource direct = TestDatabase.postgresDataSource(databaseName(pool));
        PostgresChangeNotifier notifier = new PostgresChangeNotifier(pool, () -> {
            Connection connection = direct.getConnection();
            try (Statement statement = connection.createStatement();
                 ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
                pid.next();
                synchronized (listeningPids) {
                    listeningPids.add(pid.getInt(1));
                }
                return connection;
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }, Duration.ofMillis(100), Duration.ofMillis(400));
        opened.add(notifier);
        return notifier;
    }

    private static String databaseName(DataSource pool) throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet name = statement.executeQuery("SELECT current_database()")) {
            name.next();
            return name.getString(1);
        }
    }

    /** Subscribes, waits until the notifier listens, and takes the any-of-topic changes of its start. */
    private static BlockingQueue<Change> listen(PostgresChangeNotifier notifier) throws InterruptedException {
        BlockingQueue<Change> heard = new LinkedBlockingQueue<>();
        notifier.subscribe(heard::add);
        assertTrue(notifier.awaitListening(WAIT), "listening");
        assertEquals(anyOfEveryTopic(), nextOnePerTopic(heard));
        return heard;
    }

    private static Set<Change> anyOfEveryTopic() {
        return Arrays.stream(ChangeTopic.values()).map(Change::anyOf).collect(Collectors.toSet());
    }

    private static Set<Change> nextOnePerTopic(BlockingQueue<Change> heard) throws InterruptedException {
        Set<Change> changes = new HashSet<>();
        for (int i = 0; i < ChangeTopic.values().length; i++) {
            changes.add(next(heard));
        }
        return changes;
    }

    private static Change next(BlockingQueue<Change> heard) throws InterruptedException {
        Change change = heard.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(change, "no change heard");
        return change;
    }

    @Test
    void publishWhenOtherInstancesListenThenEachHearsTheClientId() throws Exception {
        PostgresChangeNotifier a = notifier();
        BlockingQueue<Change> b = listen(notifier());
        BlockingQueue<Change> c = listen(notifier());

        a.publish(Change.of(ChangeTopic.CLIENTS, "web-app"));

        assertEquals(Change.of(ChangeTopic.CLIENTS, "web-app"), next(b));
        assertEquals(Change.of(ChangeTopic.CLIENTS, "web-app"), next(c));
    }

    @Test
    void publishWhenAnyOfTopicThenHeardAsAnyOfThatTopic() throws Exception {
        PostgresChangeNotifier a = notifier();
        BlockingQueue<Change> b = listen(notifier());

        a.publish(Change.anyOf(ChangeTopic.SIGNING_KEYS));

        assertEquals(Change.anyOf(ChangeTopic.SIGNING_KEYS), next(b));
    }

    @Test
    void listenWhenConnectionKilledThenReconnectsReportsAnyOfEveryTopicAndHearsAgain() throws Exception {
        PostgresChangeNotifier a = notifier();
        PostgresChangeNotifier b = notifier();
        BlockingQueue<Change> heard = listen(b);
        int pid;
        synchronized (listeningPids) {
            pid = listeningPids.get(listeningPids.size() - 1);
        }

        TestDatabase.execute(DATABASE.dataSource(), "SELECT pg_terminate_backend(" + pid + ")");
        Set<Change> afterReconnect = nextOnePerTopic(heard);
        a.publish(Change.of(ChangeTopic.CLIENTS, "after"));

        assertEquals(anyOfEveryTopic(), afterReconnect);
        assertEquals(Change.of(ChangeTopic.CLIENTS, "after"), next(heard));
    }

    @Test
    void listeningWhenStartsListeningThenFalseWhileTheAnyOfChangesAreDeliveredTrueAfterwards() throws Exception {
        PostgresChangeNotifier b = notifier();
        List<Boolean> listeningWhileDelivered = new CopyOnWriteArrayList<>();
        boolean beforeSubscribe = b.listening();

        b.subscribe(change -> listeningWhileDelivered.add(b.listening()));
        assertTrue(b.awaitListening(WAIT), "listening");

        assertFalse(beforeSubscribe);
        assertEquals(Collections.nCopies(ChangeTopic.values().length, false), listeningWhileDelivered);
        assertTrue(b.listening());
    }

    @Test
    void listeningWhenConnectionLostAndNotReopenedThenFalse() throws Exception {
        DataSource pool = DATABASE.dataSource();
        DataSource direct = TestDatabase.postgresDataSource(databaseName(pool));
        AtomicReference<Connection> first = new AtomicReference<>();
        PostgresChangeNotifier b = new PostgresChangeNotifier(pool, () -> {
            if (first.get() != null) {
                throw new SQLException("the database is down");
            }
            first.set(direct.getConnection());
            return first.get();
        }, Duration.ofMillis(100), Duration.ofMillis(400));
        opened.add(b);
        listen(b);

        first.get().close();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (b.listening() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(b.listening());
    }

    @Test
    void closeWhenListeningThenTheThreadEnds() throws Exception {
        PostgresChangeNotifier b = notifier();
        listen(b);

        b.close();

        assertFalse(Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("portcullis-change-listener")));
    }

    @Test
    void persistenceUnitWhenClientOrKeyWrittenOnOneThenAnotherUnitHearsIt() throws Exception {
        PersistenceUnit first = DATABASE.emptyUnit();
        try (PersistenceUnit second = PersistenceUnit.open(DATABASE.dataSource())) {
            BlockingQueue<Change> heard = new LinkedBlockingQueue<>();
            second.changes().subscribe(heard::add);
            assertTrue(((PostgresChangeNotifier) second.changes()).awaitListening(WAIT));
            assertEquals(anyOfEveryTopic(), nextOnePerTopic(heard));

            first.clients().save(TestClients.confidential("changed-client").build());
            first.clients().delete(new ClientId("changed-client"));
            boolean deletedAgain = first.clients().delete(new ClientId("changed-client"));
            first.signingKeys().delete(new KeyId("no-such-key"));
            first.clients().save(TestClients.confidential("marker").build());

            assertEquals(Change.of(ChangeTopic.CLIENTS, "changed-client"), next(heard));
            assertEquals(Change.of(ChangeTopic.CLIENTS, "changed-client"), next(heard));
            assertFalse(deletedAgain);
            // PostgreSQL delivers notifications in commit order: writes that changed nothing announced nothing.
            assertEquals(Change.of(ChangeTopic.CLIENTS, "marker"), next(heard));
        }
    }

    @Test
    void toChangeWhenPayloadEmptyOrTooLongThenAnyOfTopic() {
        assertEquals(Change.anyOf(ChangeTopic.CLIENTS), PostgresChangeNotifier.toChange(ChangeTopic.CLIENTS, ""));
        assertEquals(Change.anyOf(ChangeTopic.CLIENTS),
                PostgresChangeNotifier.toChange(ChangeTopic.CLIENTS, "x".repeat(Change.MAX_KEY_LENGTH + 1)));
        assertEquals(Change.of(ChangeTopic.CLIENTS, "id"), PostgresChangeNotifier.toChange(ChangeTopic.CLIENTS, "id"));
    }
}
