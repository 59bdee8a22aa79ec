package dev.portcullis.oauth.runtime.server;

import com.zaxxer.hikari.HikariDataSource;
import dev.portcullis.oauth.adapters.persistence.PersistenceUnit;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.operations.AuditLog;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol core over the configured database, wired exactly as {@link PortcullisServer} wires
 * it, but without HTTP server, background jobs, configured registrations or development client:
 * what the command line works on. The schema is migrated on open, as at server start.
 */
public final class OfflineInstance implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final PersistenceUnit persistence;
    private final AuthorizationServer core;

    private OfflineInstance(HikariDataSource dataSource, PersistenceUnit persistence, AuthorizationServer core) {
        this.dataSource = dataSource;
        this.persistence = persistence;
        this.core = core;
    }

    /**
     * Opens the database of {@code settings} and builds the protocol core on it.
     *
     * @throws RuntimeException from the connection pool when the database cannot be reached
     */
    public static OfflineInstance open(RuntimeSettings settings, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        PortcullisServer.routeJavaUtilLogging();
        SecureRandom random = new SecureRandom();
        MasterKey masterKey = settings.masterKey()
                .orElseGet(() -> new DevelopmentState(settings.dataDir(), random).masterKey());
        HikariDataSource dataSource = PortcullisServer.dataSource(settings, Optional.empty());
        PersistenceUnit persistence = null;
        try {
            persistence = PersistenceUnit.open(dataSource);
            // No user signs in from the command line: the development user is left out.
            IdentityBackend identity = IdentityBackends.create(settings.identity(), Optional.empty(), random, clock);
            // The command line's changes reach the audit log like the admin API's.
            AuthorizationServer core = PortcullisServer.core(settings, clock, List.of(), random, masterKey, persistence,
                    identity, PortcullisServer.events(new AuditLog(), Optional.empty()));
            return new OfflineInstance(dataSource, persistence, core);
        } catch (RuntimeException e) {
            if (persistence != null) {
                persistence.close();
            }
            dataSource.close();
            throw e;
        }
    }

    /** Brings the schema of the configured database up to date (Liquibase) and closes the connections. */
    public static void migrate(RuntimeSettings settings) {
        Objects.requireNonNull(settings, "settings");
        PortcullisServer.routeJavaUtilLogging();
        try (HikariDataSource dataSource = PortcullisServer.dataSource(settings, Optional.empty())) {
            PersistenceUnit.migrateOnly(dataSource);
        }
    }

    /** The protocol core: its admin use cases are what the commands call. */
    public AuthorizationServer core() {
        return core;
    }

    @Override
    public void close() {
        persistence.close();
        dataSource.close();
    }
}
