package dev.portcullis.oauth.adapters.persistence;

import dev.portcullis.oauth.adapters.persistence.assertion.AssertionJtiEntity;
import dev.portcullis.oauth.adapters.persistence.assertion.JpaAssertionJtiRepository;
import dev.portcullis.oauth.adapters.persistence.authorization.AuthorizationCodeEntity;
import dev.portcullis.oauth.adapters.persistence.authorization.JpaAuthorizationCodeRepository;
import dev.portcullis.oauth.adapters.persistence.authorization.JpaPendingAuthorizationStore;
import dev.portcullis.oauth.adapters.persistence.authorization.PendingAuthorizationEntity;
import dev.portcullis.oauth.adapters.persistence.change.ConnectionSource;
import dev.portcullis.oauth.adapters.persistence.change.PostgresChangeNotifier;
import dev.portcullis.oauth.adapters.persistence.client.ClientEntity;
import dev.portcullis.oauth.adapters.persistence.client.JpaClientRepository;
import dev.portcullis.oauth.adapters.persistence.consent.ConsentEntity;
import dev.portcullis.oauth.adapters.persistence.consent.JpaConsentRepository;
import dev.portcullis.oauth.adapters.persistence.database.DatabaseCircuit;
import dev.portcullis.oauth.adapters.persistence.database.DatabaseResilience;
import dev.portcullis.oauth.adapters.persistence.database.JpaUnitOfWork;
import dev.portcullis.oauth.adapters.persistence.database.SchemaMigration;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.adapters.persistence.job.PostgresAdvisoryJobLock;
import dev.portcullis.oauth.adapters.persistence.key.JpaSigningKeyRepository;
import dev.portcullis.oauth.adapters.persistence.key.SigningKeyEntity;
import dev.portcullis.oauth.adapters.persistence.resource.JpaResourceServerRepository;
import dev.portcullis.oauth.adapters.persistence.resource.ResourceServerEntity;
import dev.portcullis.oauth.adapters.persistence.scope.JpaScopeRepository;
import dev.portcullis.oauth.adapters.persistence.scope.ScopeEntity;
import dev.portcullis.oauth.adapters.persistence.session.BrowserSessionEntity;
import dev.portcullis.oauth.adapters.persistence.session.JpaBrowserSessionRepository;
import dev.portcullis.oauth.adapters.persistence.token.JpaOpaqueAccessTokenRepository;
import dev.portcullis.oauth.adapters.persistence.token.JpaRefreshTokenRepository;
import dev.portcullis.oauth.adapters.persistence.token.OpaqueAccessTokenEntity;
import dev.portcullis.oauth.adapters.persistence.token.JpaRevokedAccessTokenRepository;
import dev.portcullis.oauth.adapters.persistence.token.RefreshTokenEntity;
import dev.portcullis.oauth.adapters.persistence.token.RevokedAccessTokenEntity;
import dev.portcullis.oauth.application.authorization.PendingAuthorizationStore;
import dev.portcullis.oauth.application.client.NotifyingClientRepository;
import dev.portcullis.oauth.application.key.NotifyingSigningKeyRepository;
import dev.portcullis.oauth.application.memory.LocalChangeNotifier;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.port.JobLock;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.hibernate.cfg.BatchSettings;
import org.hibernate.cfg.FetchSettings;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.tool.schema.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database behind the repository ports, on PostgreSQL or H2 (in {@code MODE=PostgreSQL}).
 * {@link #open(DataSource)} migrates the schema with Liquibase, then starts Hibernate over the
 * same data source, checking that the schema matches the mappings; the dialect is detected from
 * the connection. The data source (and its pool) belongs to the caller, who closes it after
 * {@link #close()}. Thread-safe.
 */
public final class PersistenceUnit implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceUnit.class);

    /** Loads the collections of up to this many clients in one query when listing them. */
    private static final int BATCH_FETCH_SIZE = 64;

    /**
     * Inserts and updates of one table within a flush go to the database as one JDBC batch, one
     * round trip: an opaque token and its audience rows, a client and its collection rows.
     */
    private static final int STATEMENT_BATCH_SIZE = 32;

    private final EntityManagerFactory factory;
    private final ClientRepository clients;
    private final ScopeRepository scopes;
    private final SigningKeyRepository signingKeys;
    private final AuthorizationCodeRepository authorizationCodes;
    private final BrowserSessionRepository browserSessions;
    private final ConsentRepository consents;
    private final RefreshTokenRepository refreshTokens;
    private final RevokedAccessTokenRepository revokedAccessTokens;
    private final AssertionJtiRepository assertionJtis;
    private final JobLock jobLock;
    private final ResourceServerRepository resources;
    private final OpaqueAccessTokenRepository opaqueAccessTokens;
    private final PendingAuthorizationStore pendingAuthorizations;
    private final ChangeNotifier changes;
    private final Optional<PostgresChangeNotifier> postgresChanges;

    private final DatabaseCircuit circuit;
    private final UnitOfWork unitOfWork;

    private PersistenceUnit(EntityManagerFactory factory, DataSource dataSource, Optional<ConnectionSource> listen,
                            DatabaseCircuit circuit, Duration queryTimeout) {
        this.factory = factory;
        this.circuit = circuit;
        Transactions transactions = new Transactions(factory, circuit, queryTimeout);
        this.unitOfWork = new JpaUnitOfWork(transactions);
        boolean postgres = listen.isPresent();
        // Every instance on one PostgreSQL hears of client, key and deny-list writes; H2 has one process.
        this.postgresChanges = listen.map(source -> new PostgresChangeNotifier(dataSource, source,
                Duration.ofMillis(500), Duration.ofSeconds(10)));
        this.changes = postgresChanges.<ChangeNotifier>map(notifier -> notifier).orElseGet(LocalChangeNotifier::new);
        // H2 in file mode is opened by one process at a time, so a lock in this process is enough there.
        this.jobLock = postgres ? new PostgresAdvisoryJobLock(transactions) : new LocalJobLock();
        this.clients = new NotifyingClientRepository(new JpaClientRepository(transactions), changes);
        this.scopes = new JpaScopeRepository(transactions);
        this.signingKeys = new NotifyingSigningKeyRepository(new JpaSigningKeyRepository(transactions), changes);
        this.authorizationCodes = new JpaAuthorizationCodeRepository(transactions);
        this.browserSessions = new JpaBrowserSessionRepository(transactions);
        this.consents = new JpaConsentRepository(transactions);
        this.refreshTokens = new JpaRefreshTokenRepository(transactions);
        this.revokedAccessTokens = new JpaRevokedAccessTokenRepository(transactions);
        this.assertionJtis = new JpaAssertionJtiRepository(transactions);
        this.resources = new JpaResourceServerRepository(transactions);
        this.opaqueAccessTokens = new JpaOpaqueAccessTokenRepository(transactions);
        this.pendingAuthorizations = new JpaPendingAuthorizationStore(transactions);
    }

    /**
     * Migrates the schema of {@code dataSource}'s database to the current version, then starts the
     * repositories on it.
     *
     * @throws ServiceUnavailableException when the database cannot be reached, a migration fails,
     *                                     or the schema does not match the mappings
     */
    public static PersistenceUnit open(DataSource dataSource) {
        return open(dataSource, DatabaseResilience.DEFAULTS);
    }

    /**
     * Like {@link #open(DataSource)}, with the query timeout and circuit breaker of {@code resilience}.
     *
     * @throws ServiceUnavailableException when the database cannot be reached, a migration fails,
     *                                     or the schema does not match the mappings
     */
    public static PersistenceUnit open(DataSource dataSource, DatabaseResilience resilience) {
        Objects.requireNonNull(dataSource, "dataSource");
        return open(dataSource, resilience, dataSource::getConnection);
    }

    /**
     * Like {@link #open(DataSource, DatabaseResilience)}, with the connections that listen for other
     * instances' changes on PostgreSQL opened by {@code listenConnections} (one at a time, held while
     * the unit is open, reopened when lost) rather than taken from the pool. Unused on H2.
     *
     * @throws ServiceUnavailableException when the database cannot be reached, a migration fails,
     *                                     or the schema does not match the mappings
     */
    public static PersistenceUnit open(DataSource dataSource, DatabaseResilience resilience,
                                       ConnectionSource listenConnections) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(resilience, "resilience");
        Objects.requireNonNull(listenConnections, "listenConnections");
        long started = System.nanoTime();
        SchemaMigration.migrate(dataSource);
        Optional<ConnectionSource> listen = isPostgres(dataSource) ? Optional.of(listenConnections) : Optional.empty();
        PersistenceUnit unit = new PersistenceUnit(startHibernate(dataSource, resilience), dataSource, listen,
                new DatabaseCircuit(resilience), resilience.queryTimeout());
        LOG.info("persistence unit started in {} ms", (System.nanoTime() - started) / 1_000_000);
        return unit;
    }

    /**
     * Migrates the schema of {@code dataSource}'s database to the current version through Liquibase,
     * which also verifies the checksums of applied changesets, and returns, starting nothing: the
     * {@code migrate} command.
     *
     * @throws ServiceUnavailableException when the database cannot be reached or a migration fails
     */
    public static void migrateOnly(DataSource dataSource) {
        SchemaMigration.migrateAlways(dataSource);
    }

    /**
     * Where changes to clients, signing keys and the deny list are announced and heard: PostgreSQL
     * {@code LISTEN/NOTIFY} shared by every instance on the database, or delivery in this process on
     * H2. Writes through {@link #clients()} and {@link #signingKeys()} are announced there.
     */
    public ChangeNotifier changes() {
        return changes;
    }

    /**
     * One transaction for several calls of this unit's repositories: what they write on the calling
     * thread inside {@link UnitOfWork#inTransaction} commits together or not at all. Give it to the
     * server builder beside the repositories.
     */
    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    /** The registered clients; writes are announced through {@link #changes()}. */
    public ClientRepository clients() {
        return clients;
    }

    /** The defined scopes. */
    public ScopeRepository scopes() {
        return scopes;
    }

    /** The signing keys; writes are announced through {@link #changes()}. */
    public SigningKeyRepository signingKeys() {
        return signingKeys;
    }

    /** The issued authorization codes, by hash; redemption is single use across instances. */
    public AuthorizationCodeRepository authorizationCodes() {
        return authorizationCodes;
    }

    /** The signed-in browsers, by the hash of their session cookie. */
    public BrowserSessionRepository browserSessions() {
        return browserSessions;
    }

    /** The users' consents, one per user and registered client. */
    public ConsentRepository consents() {
        return consents;
    }

    /** The refresh tokens, by hash. */
    public RefreshTokenRepository refreshTokens() {
        return refreshTokens;
    }

    /**
     * The deny list of revoked JWT access tokens, by {@code jti}. Its writes are not announced: a
     * server given {@link #changes()} keeps a copy in memory and announces the revocations it makes.
     */
    public RevokedAccessTokenRepository revokedAccessTokens() {
        return revokedAccessTokens;
    }

    /** The spent {@code jti} values of client assertions; single use across instances. */
    public AssertionJtiRepository assertionJtis() {
        return assertionJtis;
    }

    /**
     * The lock that lets one instance at a time run a background job: a PostgreSQL advisory lock
     * shared by every instance on the database, or a lock in this process on H2.
     */
    public JobLock jobLock() {
        return jobLock;
    }

    private static boolean isPostgres(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new ServiceUnavailableException("database", e);
        }
    }

    /** The resource servers (RFC 8707), by identifier. */
    public ResourceServerRepository resources() {
        return resources;
    }

    /** The opaque access tokens, by hash. */
    public OpaqueAccessTokenRepository opaqueAccessTokens() {
        return opaqueAccessTokens;
    }

    /** The authorization requests waiting for the user, shared by every instance on the database. */
    public PendingAuthorizationStore pendingAuthorizations() {
        return pendingAuthorizations;
    }

    /** The circuit breaker every repository call passes through; for health checks and metrics. */
    public DatabaseCircuit circuit() {
        return circuit;
    }

    /** Stops listening for changes and stops Hibernate; the repositories must not be used afterwards. The data source stays open. */
    @Override
    public void close() {
        postgresChanges.ifPresent(PostgresChangeNotifier::close);
        factory.close();
        LOG.info("persistence unit closed");
    }

    private static EntityManagerFactory startHibernate(DataSource dataSource, DatabaseResilience resilience) {
        try {
            return new HibernatePersistenceConfiguration("portcullis")
                    .managedClasses(ClientEntity.class, ScopeEntity.class, SigningKeyEntity.class,
                            AuthorizationCodeEntity.class, BrowserSessionEntity.class, ConsentEntity.class,
                            RefreshTokenEntity.class, RevokedAccessTokenEntity.class,
                            AssertionJtiEntity.class)
                    .managedClasses(ResourceServerEntity.class, OpaqueAccessTokenEntity.class)
                    .managedClasses(PendingAuthorizationEntity.class)
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .schemaToolingAction(Action.VALIDATE)
                    .showSql(false, false, false)
                    .validationMode(ValidationMode.NONE)
                    .sharedCacheMode(SharedCacheMode.NONE)
                    .property(FetchSettings.DEFAULT_BATCH_FETCH_SIZE, BATCH_FETCH_SIZE)
                    .property(BatchSettings.STATEMENT_BATCH_SIZE, STATEMENT_BATCH_SIZE)
                    .property(BatchSettings.ORDER_INSERTS, true)
                    .property(BatchSettings.ORDER_UPDATES, true)
                    // Jakarta Persistence 3.2 §3.11.4: the default timeout, in milliseconds, of every query.
                    .property("jakarta.persistence.query.timeout", Math.toIntExact(resilience.queryTimeout().toMillis()))
                    .createEntityManagerFactory();
        } catch (PersistenceException e) {
            throw new ServiceUnavailableException("database", e);
        }
    }
}
