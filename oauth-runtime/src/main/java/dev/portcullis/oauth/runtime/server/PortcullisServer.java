package dev.portcullis.oauth.runtime.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.portcullis.oauth.adapters.persistence.PersistenceUnit;
import dev.portcullis.oauth.adapters.persistence.change.ConnectionSource;
import dev.portcullis.oauth.adapters.persistence.database.DatabaseCircuit;
import dev.portcullis.oauth.adapters.rest.PortcullisFeature;
import dev.portcullis.oauth.adapters.rest.identity.HttpIdentityBackend;
import dev.portcullis.oauth.adapters.rest.jwks.HttpJwkSetSource;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.job.JobScheduler;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.server.AuthorizationServerBuilder;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.runtime.config.Mode;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.crypto.CryptoProviders;
import dev.portcullis.oauth.runtime.operations.AuditLog;
import dev.portcullis.oauth.runtime.operations.AuditMetrics;
import dev.portcullis.oauth.runtime.operations.BatchedAuditLog;
import dev.portcullis.oauth.runtime.operations.CircuitBreakerMetrics;
import dev.portcullis.oauth.runtime.operations.DatabaseCheck;
import dev.portcullis.oauth.runtime.operations.FanOutEventPublisher;
import dev.portcullis.oauth.runtime.operations.HealthResource;
import dev.portcullis.oauth.runtime.operations.HttpRequestMetrics;
import dev.portcullis.oauth.runtime.operations.JobMetrics;
import dev.portcullis.oauth.runtime.operations.MetricsResource;
import dev.portcullis.oauth.runtime.operations.OperationsFeature;
import dev.portcullis.oauth.runtime.operations.PrometheusMetrics;
import dev.portcullis.oauth.runtime.operations.TokenMetrics;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Properties;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * One running server instance: connection pool, persistence, protocol core, background jobs and
 * HTTP server, started in that order and closed in the reverse order. {@link #close()} is graceful:
 * the jobs stop (a running one may finish within the shutdown grace), the HTTP server stops
 * accepting, in-flight requests finish (up to the configured grace), then the pool closes.
 */
public final class PortcullisServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortcullisServer.class);

    /** How long {@code /health/ready} waits for the database before it answers 503. */
    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private final HikariDataSource dataSource;
    private final PersistenceUnit persistence;
    private final HttpServer http;
    private final AuthorizationServer core;
    private final Optional<DevelopmentClient> developmentClient;
    private final Optional<DevelopmentUser> developmentUser;
    private final JobScheduler jobs;
    private final DatabaseCheck databaseCheck;
    private final BatchedAuditLog audit;

    private PortcullisServer(HikariDataSource dataSource, PersistenceUnit persistence, AuthorizationServer core,
                             HttpServer http, Optional<DevelopmentClient> developmentClient,
                             Optional<DevelopmentUser> developmentUser, JobScheduler jobs, DatabaseCheck databaseCheck,
                             BatchedAuditLog audit) {
        this.audit = audit;
        this.jobs = jobs;
        this.databaseCheck = databaseCheck;
        this.developmentUser = developmentUser;
        this.dataSource = dataSource;
        this.persistence = persistence;
        this.core = core;
        this.http = http;
        this.developmentClient = developmentClient;
    }

    /**
     * Starts an instance.
     *
     * @param settings      the validated configuration
     * @param clock         the source of "now"
     * @param extraHandlers grant handlers added besides the built-in and {@code ServiceLoader} ones
     * @throws dev.portcullis.oauth.runtime.config.ConfigurationException when the configuration
     *         does not fit the stored state (e.g. a client naming an undefined scope), or asks for the
     *         native crypto provider where it cannot be used
     */
    public static PortcullisServer start(RuntimeSettings settings, Clock clock, List<GrantHandler> extraHandlers) {
        Objects.requireNonNull(settings, "settings");
        routeJavaUtilLogging();
        // First: the key ring's signers and key objects, and the SecureRandom below, come from the
        // provider list as it is after this.
        new CryptoProviders().install(settings.crypto());
        SecureRandom random = new SecureRandom();
        DevelopmentState devState = new DevelopmentState(settings.dataDir(), random);
        MasterKey masterKey = settings.masterKey().orElseGet(devState::masterKey);
        // Metrics off means no meters at all: nothing is recorded that nobody can read.
        Optional<PrometheusMetrics> metrics = settings.metricsEnabled() ? Optional.of(new PrometheusMetrics())
                : Optional.empty();
        HikariDataSource dataSource = dataSource(settings, metrics);
        BatchedAuditLog audit = new BatchedAuditLog(new AuditLog());
        metrics.ifPresent(m -> AuditMetrics.bind(m.registry(), audit));
        PersistenceUnit persistence = null;
        JobScheduler jobs = null;
        DatabaseCheck databaseCheck = null;
        CompletableFuture<IdentityBackend> identityStarted = CompletableFuture.completedFuture(null);
        CompletableFuture<Optional<DevelopmentClient>> registered = CompletableFuture.completedFuture(Optional.empty());
        try {
            // Hashing users' clear passwords is slow by design and needs no database: it runs on
            // another core while the schema is checked and Hibernate starts.
            Optional<DevelopmentUser> devUser = settings.mode() == Mode.DEVELOPMENT && settings.identity().users().isEmpty()
                    && settings.identity().httpUrl().isEmpty()
                    ? Optional.of(DevelopmentUser.withPassword(devState.developmentUserPassword()))
                    : Optional.empty();
            identityStarted = StartupTask.run("identity",
                    () -> IdentityBackends.create(settings.identity(), devUser, random, clock));
            persistence = PersistenceUnit.open(dataSource, settings.resilience().database(), listenConnections(settings));
            IdentityBackend identity = StartupTask.join(identityStarted);
            AuthorizationServer core = core(settings, clock, extraHandlers, random, masterKey, persistence, identity,
                    events(audit, metrics));
            // Configured and development clients check their clear secrets against the stored slow
            // hashes while Jersey builds its model; the server accepts requests only after both.
            PersistenceUnit unit = persistence;
            registered = StartupTask.run("registrations",
                    () -> register(settings, unit, core, masterKey, random, devState));
            ConnectionAddresses addresses = new ConnectionAddresses();
            PortcullisFeature.Builder endpoints = PortcullisFeature.builder(core).clientAddress(addresses);
            settings.themeDirectory().ifPresent(endpoints::themeDirectory);
            settings.resilience().tokenPerClient().ifPresent(limit -> endpoints.tokenRateLimit(limit, clock));
            endpoints.loginRateLimits(settings.resilience().loginPerUsername(), settings.resilience().loginPerAddress(),
                    clock);
            jobs = new JobScheduler(core.recurringJobs(settings.jobs()), clock, settings.shutdownGrace());
            Optional<Supplier<String>> identityCircuit = identity instanceof HttpIdentityBackend http
                    ? Optional.of(http::circuitState) : Optional.empty();
            databaseCheck = new DatabaseCheck(dataSource, READINESS_TIMEOUT);
            List<Object> operations = new ArrayList<>(List.of(new HealthResource(databaseCheck, identityCircuit)));
            if (metrics.isPresent()) {
                JobMetrics.bind(metrics.get().registry(), jobs);
                identityCircuit.ifPresent(state -> CircuitBreakerMetrics.bind(metrics.get().registry(),
                        "identity_backend", state));
                CircuitBreakerMetrics.bind(metrics.get().registry(), "database", persistence.circuit()::state);
                operations.add(new HttpRequestMetrics(metrics.get().registry()));
                operations.add(new MetricsResource(metrics.get()));
            }
            HttpServer http = HttpServer.create(settings, addresses, endpoints.build(), new OperationsFeature(operations));
            Optional<DevelopmentClient> devClient = StartupTask.join(registered);
            jobs.start();
            http.start();
            LOG.info("Portcullis started: issuer={} mode={} port={}", settings.issuer(), settings.mode(), http.port());
            return new PortcullisServer(dataSource, persistence, core, http, devClient, devUser, jobs, databaseCheck,
                    audit);
        } catch (RuntimeException e) {
            StartupTask.await(identityStarted);
            StartupTask.await(registered);
            if (databaseCheck != null) {
                databaseCheck.close();
            }
            if (jobs != null) {
                jobs.close();
            }
            audit.close();
            if (persistence != null) {
                persistence.close();
            }
            dataSource.close();
            throw e;
        }
    }

    /** Applies the configured scopes, clients and resource servers, and the development client in development mode. */
    private static Optional<DevelopmentClient> register(RuntimeSettings settings, PersistenceUnit persistence,
                                                        AuthorizationServer core, MasterKey masterKey, SecureRandom random,
                                                        DevelopmentState devState) {
        ConfiguredRegistrations registrations = new ConfiguredRegistrations(persistence.clients(),
                persistence.scopes(), core.secretHasher(), new ClientSecretCipher(masterKey, random),
                persistence.resources());
        registrations.apply(settings.scopes(), settings.clients());
        registrations.applyResources(settings.resources());
        return settings.mode() == Mode.DEVELOPMENT
                ? Optional.of(DevelopmentClient.ensure(persistence.clients(), persistence.scopes(),
                        core.secretHasher(), devState.developmentClientSecret()))
                : Optional.empty();
    }

    /** The audit log, and the token counters when metrics are on. */
    static EventPublisher events(EventPublisher audit, Optional<PrometheusMetrics> metrics) {
        List<EventPublisher> listeners = new ArrayList<>();
        listeners.add(audit);
        metrics.ifPresent(m -> listeners.add(new TokenMetrics(m.registry())));
        return new FanOutEventPublisher(listeners);
    }

    /** Liquibase and Jersey log through java.util.logging: send it to SLF4J, once per JVM. */
    static synchronized void routeJavaUtilLogging() {
        if (!SLF4JBridgeHandler.isInstalled()) {
            SLF4JBridgeHandler.removeHandlersForRootLogger();
            SLF4JBridgeHandler.install();
        }
    }

    static AuthorizationServer core(RuntimeSettings settings, Clock clock, List<GrantHandler> extraHandlers,
                                            SecureRandom random, MasterKey masterKey, PersistenceUnit persistence,
                                            IdentityBackend identity, EventPublisher events) {
        ServerSettings serverSettings = new ServerSettings(settings.issuer(), settings.audience(),
                settings.signingAlgorithm(), enabledAlgorithms(settings, persistence));
        AuthorizationServerBuilder builder = AuthorizationServer.builder(serverSettings)
                .clients(persistence.clients())
                .scopes(persistence.scopes())
                .signingKeys(persistence.signingKeys(), masterKey)
                .keyRotation(settings.keys().rotation())
                .jobLock(persistence.jobLock())
                // Evicts cached clients, reloads keys, and keeps the in-memory deny list current.
                .changes(persistence.changes())
                // One transaction per grant, revocation and sign-in step: nothing half-written.
                .unitOfWork(persistence.unitOfWork())
                .clientCacheTtl(settings.clientCacheTtl())
                .clock(clock)
                .random(random)
                .events(events)
                .discoverGrantHandlers(PortcullisServer.class.getClassLoader())
                .identityBackend(identity)
                .authorizationCodes(persistence.authorizationCodes())
                .refreshTokens(persistence.refreshTokens())
                .revokedAccessTokens(persistence.revokedAccessTokens())
                .resources(persistence.resources())
                .opaqueAccessTokens(persistence.opaqueAccessTokens())
                .browserSessions(persistence.browserSessions())
                .consents(persistence.consents())
                // In the database, so that a login started on one instance can finish on another.
                .pendingAuthorizations(persistence.pendingAuthorizations())
                .browserSessionLifetime(settings.sessionLifetime())
                .refreshTokenGracePeriod(settings.refreshTokenGrace())
                .clientDefaults(TokenLifetimes.DEFAULTS.withAccessToken(settings.accessTokenLifetime()))
                .assertionJtis(persistence.assertionJtis())
                .clientJwkSets(new HttpJwkSetSource(clock))
                .clientAssertionMaxLifetime(settings.clientAssertionMaxLifetime());
        settings.keys().previousMasterKey().ifPresent(builder::previousMasterKey);
        settings.grants().forEach(builder::enableGrant);
        extraHandlers.forEach(builder::grantHandler);
        return builder.build();
    }

    /**
     * The default algorithm, RS256 for ID tokens (OIDC Core §15.1: every OpenID Provider supports it;
     * it is also the default {@code id_token_signed_response_alg}), and every algorithm a configured
     * or stored client chose for access or ID tokens, so that each has a key.
     */
    private static EnumSet<SigningAlgorithm> enabledAlgorithms(RuntimeSettings settings, PersistenceUnit persistence) {
        EnumSet<SigningAlgorithm> algorithms = EnumSet.of(settings.signingAlgorithm(), SigningAlgorithm.RS256);
        settings.clients().forEach(c -> addChosen(algorithms, c.client()));
        persistence.clients().findAll().forEach(c -> addChosen(algorithms, c));
        return algorithms;
    }

    private static void addChosen(EnumSet<SigningAlgorithm> algorithms, Client client) {
        client.accessTokenSigningAlgorithm().ifPresent(algorithms::add);
        client.idTokenSigningAlgorithm().ifPresent(algorithms::add);
    }

    static HikariDataSource dataSource(RuntimeSettings settings, Optional<PrometheusMetrics> metrics) {
        HikariConfig config = new HikariConfig();
        // Hikari's own Micrometer tracker: hikaricp_connections_active, _idle, _pending, _timeout_total, ...
        metrics.ifPresent(m -> config.setMetricRegistry(m.registry()));
        config.setPoolName("portcullis-db");
        config.setJdbcUrl(settings.database().url());
        settings.database().user().ifPresent(config::setUsername);
        settings.database().password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.database().poolSize());
        config.setMinimumIdle(Math.min(2, settings.database().poolSize()));
        // A bounded pool, and a bounded wait for it: requests never queue longer than this for a connection.
        config.setConnectionTimeout(settings.resilience().connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(2_000, settings.resilience().connectionTimeout().toMillis()));
        if (settings.database().url().startsWith("jdbc:h2:")) {
            // A grant holds its row locks until its one transaction commits. PostgreSQL lets a waiter
            // wait up to the query timeout; H2 would give up after its own 2 s: wait as long there.
            config.setConnectionInitSql("SET LOCK_TIMEOUT " + settings.resilience().database().queryTimeout().toMillis());
        }
        return new HikariDataSource(config);
    }

    /**
     * Opens the connection that listens for other instances' changes on PostgreSQL: outside the
     * pool, so that a busy pool never delays an eviction and the pool keeps all its connections.
     */
    private static ConnectionSource listenConnections(RuntimeSettings settings) {
        return () -> {
            Properties properties = new Properties();
            settings.database().user().ifPresent(user -> properties.setProperty("user", user));
            settings.database().password().ifPresent(password -> properties.setProperty("password", password));
            properties.setProperty("ApplicationName", "portcullis-change-listener");
            properties.setProperty("connectTimeout", "5");
            return DriverManager.getConnection(settings.database().url(), properties);
        };
    }

    /** The address the server answers on, e.g. {@code http://127.0.0.1:8080}. */
    public URI localUri() {
        return http.localUri();
    }

    /** The bound port. */
    public int port() {
        return http.port();
    }

    /** The protocol core, for the command line and tests. */
    public AuthorizationServer core() {
        return core;
    }

    /** The development user, in development mode without configured users. */
    public Optional<DevelopmentUser> developmentUser() {
        return developmentUser;
    }

    /** The development client, in development mode. */
    public Optional<DevelopmentClient> developmentClient() {
        return developmentClient;
    }

    /** The circuit breaker around the database, for health checks, metrics and fault tests. */
    public DatabaseCircuit databaseCircuit() {
        return persistence.circuit();
    }

    /** The background jobs, with the record of their last runs (for metrics). */
    public JobScheduler jobs() {
        return jobs;
    }

    @Override
    public void close() {
        LOG.info("Portcullis stopping");
        jobs.close();
        http.close();
        // After the last request and job: what they published is written before the process ends.
        audit.close();
        databaseCheck.close();
        persistence.close();
        dataSource.close();
        LOG.info("Portcullis stopped");
    }
}
