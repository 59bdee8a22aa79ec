package dev.portcullis.oauth.adapters.persistence;

import dev.portcullis.oauth.adapters.persistence.assertion.AssertionJtiEntity;
import dev.portcullis.oauth.adapters.persistence.assertion.JpaAssertionJtiRepository;
import dev.portcullis.oauth.adapters.persistence.authorization.AuthorizationCodeEntity;
import dev.portcullis.oauth.adapters.persistence.authorization.JpaAuthorizationCodeRepository;
import dev.portcullis.oauth.adapters.persistence.client.ClientEntity;
import dev.portcullis.oauth.adapters.persistence.client.JpaClientRepository;
import dev.portcullis.oauth.adapters.persistence.consent.ConsentEntity;
import dev.portcullis.oauth.adapters.persistence.consent.JpaConsentRepository;
import dev.portcullis.oauth.adapters.persistence.database.DatabaseCircuit;
import dev.portcullis.oauth.adapters.persistence.database.DatabaseResilience;
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
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.port.JobLock;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
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

    private final DatabaseCircuit circuit;

    private PersistenceUnit(EntityManagerFactory factory, boolean postgres, DatabaseCircuit circuit) {
        this.factory = factory;
        this.circuit = circuit;
        Transactions transactions = new Transactions(factory, circuit);
        // H2 in file mode is opened by one process at a time, so a lock in this process is enough there.
        this.jobLock = postgres ? new PostgresAdvisoryJobLock(transactions) : new LocalJobLock();
        this.clients = new JpaClientRepository(transactions);
        this.scopes = new JpaScopeRepository(transactions);
        this.signingKeys = new JpaSigningKeyRepository(transactions);
        this.authorizationCodes = new JpaAuthorizationCodeRepository(transactions);
        this.browserSessions = new JpaBrowserSessionRepository(transactions);
        this.consents = new JpaConsentRepository(transactions);
        this.refreshTokens = new JpaRefreshTokenRepository(transactions);
        this.revokedAccessTokens = new JpaRevokedAccessTokenRepository(transactions);
        this.assertionJtis = new JpaAssertionJtiRepository(transactions);
        this.resources = new JpaResourceServerRepository(transactions);
        this.opaqueAccessTokens = new JpaOpaqueAccessTokenRepository(transactions);
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
        Objects.requireNonNull(resilience, "resilience");
        long started = System.nanoTime();
        SchemaMigration.migrate(dataSource);
        PersistenceUnit unit = new PersistenceUnit(startHibernate(dataSource, resilience), isPostgres(dataSource),
                new DatabaseCircuit(resilience));
        LOG.info("persistence unit started in {} ms", (System.nanoTime() - started) / 1_000_000);
        return unit;
    }

    /**
     * Migrates the schema of {@code dataSource}'s database to the current version and returns,
     * starting nothing: the {@code migrate} command.
     *
     * @throws ServiceUnavailableException when the database cannot be reached or a migration fails
     */
    public static void migrateOnly(DataSource dataSource) {
        SchemaMigration.migrate(dataSource);
    }

    /** The registered clients. */
    public ClientRepository clients() {
        return clients;
    }

    /** The defined scopes. */
    public ScopeRepository scopes() {
        return scopes;
    }

    /** The signing keys. */
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

    /** The deny list of revoked JWT access tokens, by {@code jti}. */
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

    /** The circuit breaker every repository call passes through; for health checks and metrics. */
    public DatabaseCircuit circuit() {
        return circuit;
    }

    /** Stops Hibernate; the repositories must not be used afterwards. The data source stays open. */
    @Override
    public void close() {
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
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    .schemaToolingAction(Action.VALIDATE)
                    .showSql(false, false, false)
                    .validationMode(ValidationMode.NONE)
                    .sharedCacheMode(SharedCacheMode.NONE)
                    .property(FetchSettings.DEFAULT_BATCH_FETCH_SIZE, BATCH_FETCH_SIZE)
                    // Jakarta Persistence 3.2 §3.11.4: the default timeout, in milliseconds, of every query.
                    .property("jakarta.persistence.query.timeout", Math.toIntExact(resilience.queryTimeout().toMillis()))
                    .createEntityManagerFactory();
        } catch (PersistenceException e) {
            throw new ServiceUnavailableException("database", e);
        }
    }
}
