package dev.portcullis.oauth.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.adapters.persistence.database.DatabaseResilience;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The circuit breaker and the query timeout of the repositories (issue #6): an outage is refused
 * without waiting for connections once the circuit opens, and a query stuck behind a lock ends
 * with {@link ServiceUnavailableException} after the query timeout.
 */
final class DatabaseOutageIT {

    @RegisterExtension
    static final TestDatabase POSTGRES = TestDatabase.postgres();

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void repositoriesWhenOutageFillsTheWindowThenRefusedWithoutAskingForConnections() {
        SwitchableDataSource dataSource = new SwitchableDataSource(
                TestDatabase.h2DataSource("jdbc:h2:mem:outage_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        DatabaseResilience resilience = new DatabaseResilience(Duration.ofSeconds(5), 50, 4, Duration.ofMinutes(10), 1);
        try (PersistenceUnit unit = PersistenceUnit.open(dataSource, resilience)) {
            dataSource.refuse();
            for (int i = 0; i < 4; i++) {
                assertThrows(ServiceUnavailableException.class, () -> unit.clients().findById(new ClientId("c")));
            }
            int asked = dataSource.connectionRequests();

            for (int i = 0; i < 50; i++) {
                assertThrows(ServiceUnavailableException.class, () -> unit.refreshTokens().findByHash("hash"));
            }

            assertEquals("OPEN", unit.circuit().state());
            assertEquals(asked, dataSource.connectionRequests(), "an open circuit does not wait for the pool");
        }
    }

    @Test
    void repositoriesWhenOnlyDuplicatesFailThenCircuitStaysClosed() {
        SwitchableDataSource dataSource = new SwitchableDataSource(
                TestDatabase.h2DataSource("jdbc:h2:mem:duplicates_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        DatabaseResilience resilience = new DatabaseResilience(Duration.ofSeconds(5), 50, 4, Duration.ofMinutes(10), 1);
        try (PersistenceUnit unit = PersistenceUnit.open(dataSource, resilience)) {
            RefreshToken token = token("dup-" + UUID.randomUUID());
            unit.refreshTokens().save(token);

            for (int i = 0; i < 8; i++) {
                assertThrows(IllegalStateException.class, () -> unit.refreshTokens().save(token));
            }

            assertEquals("CLOSED", unit.circuit().state());
            assertTrue(unit.refreshTokens().findByHash(token.tokenHash()).isPresent());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void useWhenRowLockedLongerThanQueryTimeoutThenServiceUnavailable() throws SQLException {
        DatabaseResilience oneSecond = new DatabaseResilience(Duration.ofSeconds(1), 50, 10, Duration.ofSeconds(5), 3);
        try (PersistenceUnit unit = PersistenceUnit.open(POSTGRES.dataSource(), oneSecond);
             Connection blocker = POSTGRES.dataSource().getConnection()) {
            RefreshToken token = token("locked-" + UUID.randomUUID());
            unit.refreshTokens().save(token);
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("SELECT token_hash FROM refresh_token WHERE token_hash = '" + token.tokenHash() + "' FOR UPDATE");

                assertThrows(ServiceUnavailableException.class,
                        () -> unit.refreshTokens().use(token.tokenHash(), T0));
            } finally {
                blocker.rollback();
            }

            assertFalse(unit.refreshTokens().findByHash(token.tokenHash()).orElseThrow().usedAt().isPresent(),
                    "the timed-out update left nothing behind");
        }
    }

    private static RefreshToken token(String hash) {
        return new RefreshToken(hash, "g", new ClientId("c"), new Subject("alice"), ScopeSet.EMPTY, T0, T0,
                T0.plusSeconds(3600), false);
    }
}
