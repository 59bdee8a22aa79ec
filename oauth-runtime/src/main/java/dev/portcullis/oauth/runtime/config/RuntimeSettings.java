package dev.portcullis.oauth.runtime.config;

import dev.portcullis.oauth.application.job.JobSettings;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The whole configuration of one server instance, validated.
 *
 * @param mode                development or production
 * @param issuer              the issuer identifier
 * @param httpHost            the address to bind
 * @param httpPort            the port to bind (0 for any free port)
 * @param httpMaxThreads      the most threads serving HTTP (Jetty's pool: acceptor, selector and
 *                            request threads)
 * @param database            the database; in development an H2 file under {@code dataDir} by default
 * @param masterKey           the key encrypting private keys; empty in development means "use or
 *                            create {@code dataDir}/master.key"
 * @param dataDir             where development state lives
 * @param audience            the default {@code aud} of access tokens
 * @param signingAlgorithm    the default signing algorithm
 * @param accessTokenLifetime the default access token lifetime of configured clients
 * @param grants              the enabled built-in grants
 * @param clients             clients to create or update at start
 * @param scopes              scopes to create or update at start
 * @param shutdownGrace       how long in-flight requests may take to finish on SIGTERM
 * @param identity            where users are checked
 * @param themeDirectory      templates and stylesheet that replace the built-in ones, by file name
 * @param sessionLifetime     how long a browser stays signed in
 * @param refreshTokenGrace   how long a used refresh token keeps working while its successor is
 *                            unused, before reuse revokes its family (RFC 9700 §4.14.2); zero or more
 * @param clientAssertionMaxLifetime how far ahead a client assertion's {@code exp} may be (RFC 7523 §3)
 * @param keys                signing key rotation, and the previous master key during a master key rotation
 * @param jobs                how often the background jobs run
 * @param resources           resource servers (RFC 8707) to create or update at start
 * @param clientCacheTtl      how long a client registration is cached; changes made on another
 *                            instance are announced at once on PostgreSQL, this bounds a missed one
 * @param resilience          database timeouts and circuit breaker, request rate limits
 * @param metricsEnabled      whether {@code /metrics} answers (Prometheus text format); when off it is 404
 * @param crypto              which JCA provider signs: the native one when it can, the JDK's, or the native one or no start
 */
public record RuntimeSettings(Mode mode, URI issuer, String httpHost, int httpPort, int httpMaxThreads,
                              DatabaseSettings database,
                              Optional<MasterKey> masterKey, Path dataDir, String audience,
                              SigningAlgorithm signingAlgorithm, Duration accessTokenLifetime, Set<GrantType> grants,
                              List<ClientEntry> clients, List<ScopeDefinition> scopes, Duration shutdownGrace,
                              IdentitySettings identity, Optional<Path> themeDirectory, Duration sessionLifetime,
                              Duration refreshTokenGrace, Duration clientAssertionMaxLifetime, KeySettings keys,
                              JobSettings jobs, List<ResourceServer> resources, Duration clientCacheTtl,
                              ResilienceSettings resilience, boolean metricsEnabled, CryptoSettings crypto) {

    /** The fewest HTTP threads: Jetty's acceptor, selectors and reserved threads need some of them. */
    public static final int MIN_HTTP_THREADS = 16;

    /** The default of {@link #httpMaxThreads()}: Jetty's own. */
    public static final int DEFAULT_HTTP_THREADS = 200;

    public RuntimeSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(signingAlgorithm, "signingAlgorithm");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        grants = Set.copyOf(grants);
        clients = List.copyOf(clients);
        scopes = List.copyOf(scopes);
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(themeDirectory, "themeDirectory");
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(refreshTokenGrace, "refreshTokenGrace");
        Objects.requireNonNull(clientAssertionMaxLifetime, "clientAssertionMaxLifetime");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(jobs, "jobs");
        resources = List.copyOf(resources);
        Objects.requireNonNull(clientCacheTtl, "clientCacheTtl");
        if (clientCacheTtl.isNegative()) {
            throw new IllegalArgumentException("clientCacheTtl must not be negative");
        }
        Objects.requireNonNull(resilience, "resilience");
        Objects.requireNonNull(crypto, "crypto");
        if (httpMaxThreads < MIN_HTTP_THREADS) {
            throw new IllegalArgumentException("httpMaxThreads must be at least " + MIN_HTTP_THREADS);
        }
        if (refreshTokenGrace.isNegative()) {
            throw new IllegalArgumentException("refreshTokenGrace must not be negative");
        }
    }

    /** A copy with another port; for tests that bind port 0. */
    public RuntimeSettings withHttpPort(int port) {
        return new RuntimeSettings(mode, issuer, httpHost, port, httpMaxThreads, database, masterKey, dataDir, audience,
                signingAlgorithm, accessTokenLifetime, grants, clients, scopes, shutdownGrace, identity, themeDirectory,
                sessionLifetime, refreshTokenGrace, clientAssertionMaxLifetime, keys, jobs, resources, clientCacheTtl,
                resilience, metricsEnabled, crypto);
    }
}
