package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real server for an end-to-end test: a fresh PostgreSQL database, a free loopback port, the
 * given configuration file, started through the same code as {@code java -jar}. Closing it stops
 * the server and drops the database.
 */
public final class TestInstance implements AutoCloseable {

    /** The master key of every test instance (tests only). */
    public static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private final PortcullisServer server;
    private final String databaseUrl;
    private final URI issuer;
    private final boolean ownsDatabase;

    private TestInstance(PortcullisServer server, String databaseUrl, URI issuer) {
        this(server, databaseUrl, issuer, true);
    }

    private TestInstance(PortcullisServer server, String databaseUrl, URI issuer, boolean ownsDatabase) {
        this.server = server;
        this.databaseUrl = databaseUrl;
        this.issuer = issuer;
        this.ownsDatabase = ownsDatabase;
    }

    /**
     * Starts one more instance on the database of {@code first}, as behind a load balancer: same
     * issuer, configuration and data directory, its own free loopback port. Closing it leaves the
     * database to {@code first}.
     */
    public static TestInstance joining(TestInstance first, Path dir, Clock clock, Map<String, String> env) {
        int port = FreePorts.next();
        Map<String, String> variables = new HashMap<>(env);
        variables.putAll(Map.of(
                "PORTCULLIS_ISSUER", first.issuer.toString(),
                "PORTCULLIS_HTTP_PORT", Integer.toString(port),
                "PORTCULLIS_DB_URL", first.databaseUrl,
                "PORTCULLIS_DB_USER", TestDatabases.user(),
                "PORTCULLIS_MASTER_KEY", MASTER_KEY,
                "PORTCULLIS_DATA_DIR", dir.resolve("data").toString()));
        RuntimeSettings settings = new SettingsLoader(variables).load(dir.resolve("portcullis.yaml"));
        return new TestInstance(PortcullisServer.start(settings, clock, List.of()), first.databaseUrl,
                settings.issuer(), false);
    }

    /** Where this instance answers, {@code http://127.0.0.1:<port>}; the issuer when it is the first. */
    public URI localUri() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    /** Starts an instance on PostgreSQL with {@code yaml} as its configuration file, in {@code dir}. */
    public static TestInstance onPostgres(Path dir, String yaml) {
        return onPostgres(dir, yaml, Clock.systemUTC(), Map.of());
    }

    /**
     * Starts an instance on PostgreSQL with {@code yaml} as its configuration file, in {@code dir},
     * with {@code clock} as its time and {@code env} as further {@code PORTCULLIS_*} variables.
     */
    public static TestInstance onPostgres(Path dir, String yaml, Clock clock, Map<String, String> env) {
        return onPostgres(dir, yaml, clock, env, UnaryOperator.identity());
    }

    /**
     * Like {@link #onPostgres(Path, String, Clock, Map)}, with the server connecting to the URL
     * {@code connectUrl} makes of the new database's URL (e.g. through a {@link TcpProxy});
     * {@link #databaseUrl()} stays the direct one.
     */
    public static TestInstance onPostgres(Path dir, String yaml, Clock clock, Map<String, String> env,
                                          UnaryOperator<String> connectUrl) {
        String databaseUrl = TestDatabases.createPostgres();
        try {
            Path config = Files.writeString(dir.resolve("portcullis.yaml"), yaml);
            int port = FreePorts.next();
            Map<String, String> variables = new HashMap<>(env);
            variables.putAll(Map.of(
                    "PORTCULLIS_ISSUER", "http://127.0.0.1:" + port,
                    "PORTCULLIS_HTTP_PORT", Integer.toString(port),
                    "PORTCULLIS_DB_URL", connectUrl.apply(databaseUrl),
                    "PORTCULLIS_DB_USER", TestDatabases.user(),
                    "PORTCULLIS_MASTER_KEY", MASTER_KEY,
                    "PORTCULLIS_DATA_DIR", dir.resolve("data").toString()));
            RuntimeSettings settings = new SettingsLoader(variables).load(config);
            return new TestInstance(PortcullisServer.start(settings, clock, List.of()), databaseUrl,
                    settings.issuer());
        } catch (IOException e) {
            TestDatabases.dropPostgres(databaseUrl);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            TestDatabases.dropPostgres(databaseUrl);
            throw e;
        }
    }

    /** The issuer, {@code http://127.0.0.1:<port>}. */
    public URI issuer() {
        return issuer;
    }

    /** The running server, to call its use cases and jobs directly. */
    public PortcullisServer server() {
        return server;
    }

    /** The JDBC URL of its database, to look at what it stored. */
    public String databaseUrl() {
        return databaseUrl;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (ownsDatabase) {
                TestDatabases.dropPostgres(databaseUrl);
            }
        }
    }
}
