package dev.portcullis.oauth.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.session.BrowserSession;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** A database that cannot be reached surfaces as {@link ServiceUnavailableException}, never as a driver or Hibernate type. */
final class DatabaseUnavailableIT {

    @BeforeAll
    static void bridgeLogging() {
        LogBridge.install();
    }

    private static JdbcDataSource freshH2() {
        return TestDatabase.h2DataSource("jdbc:h2:mem:unavailable_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void openWhenNothingListensOnThePortThenServiceUnavailable() {
        PGSimpleDataSource closedPort = new PGSimpleDataSource();
        closedPort.setServerNames(new String[] {"127.0.0.1"});
        closedPort.setPortNumbers(new int[] {1});
        closedPort.setDatabaseName("test");
        closedPort.setUser("postgres");
        closedPort.setConnectTimeout(5);

        ServiceUnavailableException thrown = assertThrows(ServiceUnavailableException.class,
                () -> PersistenceUnit.open(closedPort));

        assertEquals("database unavailable", thrown.getMessage());
    }

    @Test
    void migrateOnlyWhenNothingListensOnThePortThenServiceUnavailable() {
        PGSimpleDataSource closedPort = new PGSimpleDataSource();
        closedPort.setServerNames(new String[] {"127.0.0.1"});
        closedPort.setPortNumbers(new int[] {1});
        closedPort.setConnectTimeout(5);

        assertThrows(ServiceUnavailableException.class, () -> PersistenceUnit.migrateOnly(closedPort));
    }

    @Test
    void repositoriesWhenConnectionsRefusedThenServiceUnavailable() {
        SwitchableDataSource dataSource = new SwitchableDataSource(freshH2());
        try (PersistenceUnit unit = PersistenceUnit.open(dataSource)) {
            dataSource.refuse();
            SigningKey key = new SigningKey(new KeyId("k"), SigningAlgorithm.RS256, KeyState.NEXT, "{}", new byte[] {1},
                    Instant.parse("2026-01-01T00:00:00Z"));

            assertThrows(ServiceUnavailableException.class, () -> unit.clients().findById(new ClientId("c")));
            assertThrows(ServiceUnavailableException.class, () -> unit.clients().findAll());
            assertThrows(ServiceUnavailableException.class, () -> unit.clients().save(TestClients.confidential().build()));
            assertThrows(ServiceUnavailableException.class, () -> unit.clients().delete(new ClientId("c")));
            assertThrows(ServiceUnavailableException.class, () -> unit.scopes().findByScope(new Scope("read")));
            assertThrows(ServiceUnavailableException.class, () -> unit.signingKeys().add(key));
            assertThrows(ServiceUnavailableException.class, () -> unit.signingKeys().promote(key.id(), key.createdAt()));
        }
    }

    @Test
    void codeSessionConsentAndTokenRepositoriesWhenConnectionsRefusedThenServiceUnavailable() {
        SwitchableDataSource dataSource = new SwitchableDataSource(freshH2());
        try (PersistenceUnit unit = PersistenceUnit.open(dataSource)) {
            dataSource.refuse();
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            Subject subject = new Subject("alice");
            ClientId client = new ClientId("c");
            AuthorizationCode code = new AuthorizationCode("hash", client, URI.create("https://c.example.com/cb"),
                    ScopeSet.EMPTY, subject, t0, Optional.empty(), Optional.empty(), "g", t0, t0.plusSeconds(60));
            RefreshToken token = new RefreshToken("hash", "g", client, subject, ScopeSet.EMPTY, t0, t0, t0.plusSeconds(60), false);

            assertThrows(ServiceUnavailableException.class, () -> unit.authorizationCodes().save(code));
            assertThrows(ServiceUnavailableException.class, () -> unit.authorizationCodes().redeem("hash", t0));
            assertThrows(ServiceUnavailableException.class, () -> unit.authorizationCodes().recordAccessToken("hash", "j", t0));
            assertThrows(ServiceUnavailableException.class, () -> unit.authorizationCodes().deleteExpired(t0, 10));
            assertThrows(ServiceUnavailableException.class,
                    () -> unit.browserSessions().save(new BrowserSession("hash", subject, t0, t0.plusSeconds(60))));
            assertThrows(ServiceUnavailableException.class, () -> unit.browserSessions().findByIdHash("hash"));
            assertThrows(ServiceUnavailableException.class, () -> unit.browserSessions().delete("hash"));
            assertThrows(ServiceUnavailableException.class, () -> unit.browserSessions().deleteExpired(t0, 10));
            assertThrows(ServiceUnavailableException.class,
                    () -> unit.consents().save(new Consent(subject, client, ScopeSet.EMPTY, t0)));
            assertThrows(ServiceUnavailableException.class, () -> unit.consents().find(subject, client));
            assertThrows(ServiceUnavailableException.class, () -> unit.consents().findBySubject(subject));
            assertThrows(ServiceUnavailableException.class, () -> unit.consents().delete(subject, client));
            assertThrows(ServiceUnavailableException.class, () -> unit.refreshTokens().save(token));
            assertThrows(ServiceUnavailableException.class, () -> unit.refreshTokens().findByHash("hash"));
            assertThrows(ServiceUnavailableException.class, () -> unit.refreshTokens().revokeGrant("g"));
            assertThrows(ServiceUnavailableException.class, () -> unit.refreshTokens().deleteExpired(t0, 10));
            assertThrows(ServiceUnavailableException.class, () -> unit.revokedAccessTokens().revoke("j", t0));
            assertThrows(ServiceUnavailableException.class, () -> unit.revokedAccessTokens().isRevoked("j"));
            assertThrows(ServiceUnavailableException.class, () -> unit.revokedAccessTokens().deleteExpired(t0, 10));
        }
    }

    @Test
    void findAllWhenDatabaseShutDownThenServiceUnavailable() throws SQLException {
        JdbcDataSource dataSource = freshH2();
        try (PersistenceUnit unit = PersistenceUnit.open(dataSource)) {
            unit.clients().save(TestClients.confidential().build());
            TestDatabase.execute(dataSource, "SHUTDOWN");

            assertThrows(ServiceUnavailableException.class, () -> unit.clients().findAll());
        }
    }
}
