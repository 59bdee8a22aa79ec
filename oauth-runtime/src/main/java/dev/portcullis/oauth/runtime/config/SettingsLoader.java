package dev.portcullis.oauth.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.portcullis.oauth.adapters.persistence.database.DatabaseResilience;
import dev.portcullis.oauth.adapters.rest.discovery.JwksResource;
import dev.portcullis.oauth.adapters.rest.limit.RateLimit;
import dev.portcullis.oauth.application.job.JobSettings;
import dev.portcullis.oauth.application.key.KeyRotationPolicy;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link RuntimeSettings} from {@code PORTCULLIS_*} environment variables over an optional
 * YAML file. Environment wins over the file; unknown keys and bad values fail with the key named.
 */
public final class SettingsLoader {

    /** Variables with this prefix are reserved for the test suite and ignored here. */
    private static final String TEST_PREFIX = "PORTCULLIS_TEST_";

    private static final Set<String> ENV_KEYS = Set.of("PORTCULLIS_CONFIG", "PORTCULLIS_MODE", "PORTCULLIS_ISSUER",
            "PORTCULLIS_HTTP_HOST", "PORTCULLIS_HTTP_PORT", "PORTCULLIS_HTTP_MAX_THREADS", "PORTCULLIS_DB_URL",
            "PORTCULLIS_DB_USER", "PORTCULLIS_DB_PASSWORD", "PORTCULLIS_DB_POOL_SIZE", "PORTCULLIS_MASTER_KEY",
            "PORTCULLIS_DATA_DIR",
            "PORTCULLIS_TOKEN_AUDIENCE", "PORTCULLIS_SIGNING_ALGORITHM", "PORTCULLIS_ACCESS_TOKEN_LIFETIME",
            "PORTCULLIS_GRANTS", "PORTCULLIS_SHUTDOWN_GRACE", "PORTCULLIS_IDENTITY_URL",
            "PORTCULLIS_IDENTITY_AUTHORIZATION", "PORTCULLIS_IDENTITY_TIMEOUT", "PORTCULLIS_THEME_DIR",
            "PORTCULLIS_SESSION_LIFETIME", "PORTCULLIS_REFRESH_TOKEN_GRACE", "PORTCULLIS_CLIENT_ASSERTION_MAX_LIFETIME",
            "PORTCULLIS_MASTER_KEY_PREVIOUS", "PORTCULLIS_KEY_ROTATION_PERIOD", "PORTCULLIS_KEY_PUBLICATION_LEAD", "PORTCULLIS_KEY_RETENTION_MARGIN",
            "PORTCULLIS_JOBS_KEY_ROTATION_INTERVAL", "PORTCULLIS_JOBS_KEY_REFRESH_INTERVAL",
            "PORTCULLIS_JOBS_PRUNE_INTERVAL", "PORTCULLIS_JOBS_PRUNE_BATCH_SIZE",
            "PORTCULLIS_CLIENT_CACHE_TTL",
            "PORTCULLIS_DB_QUERY_TIMEOUT", "PORTCULLIS_DB_CONNECTION_TIMEOUT", "PORTCULLIS_DB_CIRCUIT_FAILURE_RATE",
            "PORTCULLIS_DB_CIRCUIT_MINIMUM_CALLS", "PORTCULLIS_DB_CIRCUIT_OPEN_WAIT", "PORTCULLIS_TOKEN_RATE_LIMIT",
            "PORTCULLIS_LOGIN_RATE_LIMIT_USER", "PORTCULLIS_LOGIN_RATE_LIMIT_ADDRESS",
            "PORTCULLIS_METRICS_ENABLED", "PORTCULLIS_LOG_FORMAT", "PORTCULLIS_CRYPTO_PROVIDER");

    private static final Set<String> FILE_KEYS = Set.of("mode", "issuer", "http", "database", "data_dir", "tokens",
            "grants", "clients", "scopes", "shutdown_grace", "users", "identity", "theme_dir", "session_lifetime",
            "keys", "jobs", "resources", "client_cache_ttl", "resilience",
            "metrics", "crypto");

    /** The built-in grants this version serves. */
    private static final List<GrantType> AVAILABLE_GRANTS =
            List.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);

    private final Map<String, String> env;

    /** @param env the process environment (or a test's) */
    public SettingsLoader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** Loads from the environment and the file named by {@code PORTCULLIS_CONFIG}, if any. */
    public RuntimeSettings load() {
        return load(env("PORTCULLIS_CONFIG").map(Path::of));
    }

    /** Loads from the environment and {@code file}. */
    public RuntimeSettings load(Path file) {
        return load(Optional.of(file));
    }

    private RuntimeSettings load(Optional<Path> file) {
        checkEnvKeys();
        ConfigNode root = file.map(SettingsLoader::read).orElseGet(() -> ConfigNode.empty(""));
        root.requireKnownKeys(FILE_KEYS);
        ConfigNode http = root.section("http").orElseGet(() -> ConfigNode.empty("http")).requireKnownKeys(Set.of("host", "port", "max_threads"));
        ConfigNode db = root.section("database").orElseGet(() -> ConfigNode.empty("database"))
                .requireKnownKeys(Set.of("url", "user", "password", "pool_size"));
        ConfigNode tokens = root.section("tokens").orElseGet(() -> ConfigNode.empty("tokens"))
                .requireKnownKeys(Set.of("audience", "signing_algorithm", "access_token_lifetime", "refresh_token_grace",
                        "client_assertion_max_lifetime"));

        Mode mode = setting("PORTCULLIS_MODE", root, "mode").map(SettingsLoader::mode).orElse(Mode.DEVELOPMENT);
        boolean production = mode == Mode.PRODUCTION;
        int port = setting("PORTCULLIS_HTTP_PORT", http, "port").map(v -> range(v, 0, 65535)).orElse(8080);
        String host = value("PORTCULLIS_HTTP_HOST", http, "host").orElse(production ? "0.0.0.0" : "127.0.0.1");
        int maxThreads = setting("PORTCULLIS_HTTP_MAX_THREADS", http, "max_threads")
                .map(v -> range(v, RuntimeSettings.MIN_HTTP_THREADS, 2_000)).orElse(RuntimeSettings.DEFAULT_HTTP_THREADS);
        Optional<Setting> issuerSetting = setting("PORTCULLIS_ISSUER", root, "issuer");
        if (production && issuerSetting.isEmpty()) {
            throw new ConfigurationException("PORTCULLIS_ISSUER", "is required in production mode");
        }
        URI issuer = issuer(issuerSetting.orElse(new Setting("PORTCULLIS_ISSUER",
                "http://localhost:" + (port == 0 ? 8080 : port))), production);
        Path dataDir = Path.of(value("PORTCULLIS_DATA_DIR", root, "data_dir").orElse("data"));
        Optional<Setting> dbUrl = setting("PORTCULLIS_DB_URL", db, "url");
        if (production && dbUrl.isEmpty()) {
            throw new ConfigurationException("PORTCULLIS_DB_URL", "is required in production mode");
        }
        DatabaseSettings database = new DatabaseSettings(
                dbUrl.map(Setting::value).orElse("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("portcullis")
                        + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"),
                value("PORTCULLIS_DB_USER", db, "user"), value("PORTCULLIS_DB_PASSWORD", db, "password"),
                setting("PORTCULLIS_DB_POOL_SIZE", db, "pool_size").map(v -> range(v, 1, 200)).orElse(10));
        if (!database.url().startsWith("jdbc:postgresql:") && !database.url().startsWith("jdbc:h2:")) {
            throw new ConfigurationException(dbUrl.map(Setting::key).orElse("PORTCULLIS_DB_URL"),
                    "must be a jdbc:postgresql: or jdbc:h2: URL");
        }
        // A background job holds one connection for its PostgreSQL advisory lock while its work uses another.
        if (database.url().startsWith("jdbc:postgresql:") && database.poolSize() < 2) {
            throw new ConfigurationException(setting("PORTCULLIS_DB_POOL_SIZE", db, "pool_size").map(Setting::key)
                    .orElse("PORTCULLIS_DB_POOL_SIZE"), "must be at least 2 on PostgreSQL");
        }
        // The master key comes from the environment only: a key stored beside the data it protects protects nothing.
        Optional<MasterKey> masterKey = env("PORTCULLIS_MASTER_KEY").map(v -> masterKey("PORTCULLIS_MASTER_KEY", v));
        if (production && masterKey.isEmpty()) {
            throw new ConfigurationException("PORTCULLIS_MASTER_KEY", "is required in production mode");
        }
        Duration lifetime = setting("PORTCULLIS_ACCESS_TOKEN_LIFETIME", tokens, "access_token_lifetime")
                .map(v -> seconds(v.key(), v.value())).orElse(Duration.ofMinutes(5));
        JobSettings jobs = jobs(root);
        return new RuntimeSettings(mode, issuer, host, port, maxThreads, database, masterKey, dataDir,
                value("PORTCULLIS_TOKEN_AUDIENCE", tokens, "audience").orElse(issuer.toString()),
                setting("PORTCULLIS_SIGNING_ALGORITHM", tokens, "signing_algorithm").map(SettingsLoader::algorithm)
                        .orElse(SigningAlgorithm.RS256),
                lifetime, grants(root), clients(root, lifetime, production), scopes(root),
                setting("PORTCULLIS_SHUTDOWN_GRACE", root, "shutdown_grace")
                        .map(v -> seconds(v.key(), v.value())).orElse(Duration.ofSeconds(10)),
                identity(root),
                setting("PORTCULLIS_THEME_DIR", root, "theme_dir").map(v -> directory(v)),
                setting("PORTCULLIS_SESSION_LIFETIME", root, "session_lifetime")
                        .map(v -> seconds(v.key(), v.value())).orElse(Duration.ofHours(8)),
                refreshTokenGrace(tokens), clientAssertionMaxLifetime(tokens), keys(root, jobs), jobs,
                ResourceEntryParser.parse(root),
                // Changes on other instances arrive by notification; this only bounds a missed one.
                setting("PORTCULLIS_CLIENT_CACHE_TTL", root, "client_cache_ttl")
                        .map(v -> Duration.ofSeconds(range(v, 0, 3600))).orElse(Duration.ofSeconds(5)),
                resilience(root), metricsEnabled(root), crypto(root));
    }

    /**
     * The database query timeout, connection wait and circuit breaker, and the request rate limits
     * of the token endpoint (per second, 0 turns it off) and the login page (per minute).
     */
    private ResilienceSettings resilience(ConfigNode root) {
        ConfigNode node = root.section("resilience").orElseGet(() -> ConfigNode.empty("resilience")).requireKnownKeys(
                Set.of("db_query_timeout", "db_connection_timeout", "db_circuit_failure_rate", "db_circuit_minimum_calls",
                        "db_circuit_open_wait", "token_rate_limit", "login_rate_limit_user", "login_rate_limit_address"));
        ResilienceSettings defaults = ResilienceSettings.DEFAULTS;
        DatabaseResilience db = defaults.database();
        DatabaseResilience database = new DatabaseResilience(
                Duration.ofSeconds(setting("PORTCULLIS_DB_QUERY_TIMEOUT", node, "db_query_timeout")
                        .map(v -> range(v, 1, 3600)).orElse((int) db.queryTimeout().toSeconds())),
                setting("PORTCULLIS_DB_CIRCUIT_FAILURE_RATE", node, "db_circuit_failure_rate")
                        .map(v -> range(v, 1, 100)).orElse(db.failureRateThreshold()),
                setting("PORTCULLIS_DB_CIRCUIT_MINIMUM_CALLS", node, "db_circuit_minimum_calls")
                        .map(v -> range(v, 1, 10_000)).orElse(db.minimumCalls()),
                Duration.ofSeconds(setting("PORTCULLIS_DB_CIRCUIT_OPEN_WAIT", node, "db_circuit_open_wait")
                        .map(v -> range(v, 1, 3600)).orElse((int) db.openStateWait().toSeconds())),
                db.halfOpenCalls());
        Duration connectionTimeout = Duration.ofSeconds(setting("PORTCULLIS_DB_CONNECTION_TIMEOUT", node,
                "db_connection_timeout").map(v -> range(v, 1, 300)).orElse((int) defaults.connectionTimeout().toSeconds()));
        Optional<RateLimit> token = setting("PORTCULLIS_TOKEN_RATE_LIMIT", node, "token_rate_limit")
                .map(v -> range(v, 0, 1_000_000))
                .map(perSecond -> perSecond == 0 ? Optional.<RateLimit>empty() : Optional.of(RateLimit.perSecond(perSecond)))
                .orElse(defaults.tokenPerClient());
        RateLimit perUser = setting("PORTCULLIS_LOGIN_RATE_LIMIT_USER", node, "login_rate_limit_user")
                .map(v -> RateLimit.perMinute(range(v, 1, 1_000_000))).orElse(defaults.loginPerUsername());
        RateLimit perAddress = setting("PORTCULLIS_LOGIN_RATE_LIMIT_ADDRESS", node, "login_rate_limit_address")
                .map(v -> RateLimit.perMinute(range(v, 1, 1_000_000))).orElse(defaults.loginPerAddress());
        return new ResilienceSettings(database, connectionTimeout, token, perUser, perAddress);
    }

    /**
     * {@code /metrics} on or off (default on), and the log format, which logback reads itself before
     * this runs: checked here so that a typo fails the start with the key named.
     */
    private boolean metricsEnabled(ConfigNode root) {
        env("PORTCULLIS_LOG_FORMAT").ifPresent(format -> {
            if (!"text".equals(format) && !"json".equals(format)) {
                throw new ConfigurationException("PORTCULLIS_LOG_FORMAT", "must be text or json");
            }
        });
        ConfigNode metrics = root.section("metrics").orElseGet(() -> ConfigNode.empty("metrics"))
                .requireKnownKeys(Set.of("enabled"));
        Optional<String> fromEnv = env("PORTCULLIS_METRICS_ENABLED");
        if (fromEnv.isPresent()) {
            return switch (fromEnv.get()) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ConfigurationException("PORTCULLIS_METRICS_ENABLED", "must be true or false");
            };
        }
        return metrics.bool("enabled").orElse(true);
    }

    /**
     * Which JCA provider signs: {@code auto} (the native provider when it loads and passes its self
     * tests, else the JDK's), {@code jdk}, or {@code native} (no start without it). Only the value is
     * checked here; whether the native provider loads is checked when the server starts.
     */
    private CryptoSettings crypto(ConfigNode root) {
        ConfigNode crypto = root.section("crypto").orElseGet(() -> ConfigNode.empty("crypto"))
                .requireKnownKeys(Set.of("provider"));
        return setting("PORTCULLIS_CRYPTO_PROVIDER", crypto, "provider")
                .map(v -> new CryptoSettings(CryptoProviderMode.fromValue(v.value()).orElseThrow(() ->
                        new ConfigurationException(v.key(), "must be auto, jdk or native")), v.key()))
                .orElse(CryptoSettings.DEFAULTS);
    }

    /** How far ahead a client assertion's exp may be (RFC 7523 §3 item 4: "reasonable"); 1 s to 1 hour. */
    private Duration clientAssertionMaxLifetime(ConfigNode tokens) {
        return setting("PORTCULLIS_CLIENT_ASSERTION_MAX_LIFETIME", tokens, "client_assertion_max_lifetime")
                .map(v -> Duration.ofSeconds(range(v, 1, 3600)))
                .orElse(Duration.ofMinutes(5));
    }

    /**
     * The background job intervals: key rotation check, key refresh on every instance, pruning, and
     * the pruning batch size.
     */
    private JobSettings jobs(ConfigNode root) {
        ConfigNode jobs = root.section("jobs").orElseGet(() -> ConfigNode.empty("jobs")).requireKnownKeys(
                Set.of("key_rotation_interval", "key_refresh_interval", "prune_interval", "prune_batch_size"));
        JobSettings defaults = JobSettings.DEFAULTS;
        return new JobSettings(
                duration("PORTCULLIS_JOBS_KEY_ROTATION_INTERVAL", jobs, "key_rotation_interval", defaults.keyRotationInterval()),
                duration("PORTCULLIS_JOBS_KEY_REFRESH_INTERVAL", jobs, "key_refresh_interval", defaults.keyRefreshInterval()),
                duration("PORTCULLIS_JOBS_PRUNE_INTERVAL", jobs, "prune_interval", defaults.pruneInterval()),
                setting("PORTCULLIS_JOBS_PRUNE_BATCH_SIZE", jobs, "prune_batch_size").map(v -> range(v, 1, 100_000))
                        .orElse(defaults.pruneBatchSize()),
                defaults.pruneMaxBatches());
    }

    /**
     * The key rotation schedule and the previous master key. A next key must be published longer
     * than a verifier may cache JWKS plus the time an instance takes to see a key another one made;
     * a retired key must outlive its tokens by at least that refresh time too.
     */
    private KeySettings keys(ConfigNode root, JobSettings jobs) {
        ConfigNode keys = root.section("keys").orElseGet(() -> ConfigNode.empty("keys"))
                .requireKnownKeys(Set.of("rotation_period", "publication_lead", "retention_margin"));
        KeyRotationPolicy defaults = KeyRotationPolicy.DEFAULTS;
        Optional<Setting> leadSetting = setting("PORTCULLIS_KEY_PUBLICATION_LEAD", keys, "publication_lead");
        Duration lead = leadSetting.map(v -> seconds(v.key(), v.value())).orElse(defaults.publicationLead());
        Duration minimumLead = JwksResource.MAX_AGE.plus(jobs.keyRefreshInterval());
        if (lead.compareTo(minimumLead) < 0) {
            throw new ConfigurationException(leadSetting.map(Setting::key).orElse("PORTCULLIS_KEY_PUBLICATION_LEAD"),
                    "must be at least " + minimumLead.toSeconds() + " seconds: the JWKS cache time ("
                            + JwksResource.MAX_AGE.toSeconds() + ") plus the key refresh interval");
        }
        Optional<Setting> periodSetting = setting("PORTCULLIS_KEY_ROTATION_PERIOD", keys, "rotation_period");
        Duration period = periodSetting.map(v -> seconds(v.key(), v.value())).orElse(defaults.rotationPeriod());
        if (period.compareTo(lead.multipliedBy(2)) < 0) {
            throw new ConfigurationException(periodSetting.map(Setting::key).orElse("PORTCULLIS_KEY_ROTATION_PERIOD"),
                    "must be at least twice the publication lead (" + lead.toSeconds() + " seconds)");
        }
        Optional<Setting> marginSetting = setting("PORTCULLIS_KEY_RETENTION_MARGIN", keys, "retention_margin");
        Duration margin = marginSetting.map(v -> seconds(v.key(), v.value())).orElse(defaults.retentionMargin());
        if (margin.compareTo(jobs.keyRefreshInterval()) < 0) {
            throw new ConfigurationException(marginSetting.map(Setting::key).orElse("PORTCULLIS_KEY_RETENTION_MARGIN"),
                    "must be at least the key refresh interval (" + jobs.keyRefreshInterval().toSeconds() + " seconds)");
        }
        Optional<MasterKey> previous = env("PORTCULLIS_MASTER_KEY_PREVIOUS")
                .map(v -> masterKey("PORTCULLIS_MASTER_KEY_PREVIOUS", v));
        return new KeySettings(new KeyRotationPolicy(period, lead, margin), previous);
    }

    private Duration duration(String envName, ConfigNode node, String fileKey, Duration fallback) {
        return setting(envName, node, fileKey).map(v -> seconds(v.key(), v.value())).orElse(fallback);
    }

    /**
     * How long a used refresh token keeps working while its successor is unused, before reuse
     * revokes its family (RFC 9700 §4.14.2); 0 makes every reuse revoke the family. Capped at five minutes, since the
     * window only has to cover a client's own concurrent refreshes.
     */
    private Duration refreshTokenGrace(ConfigNode tokens) {
        return setting("PORTCULLIS_REFRESH_TOKEN_GRACE", tokens, "refresh_token_grace")
                .map(v -> Duration.ofSeconds(range(v, 0, 300)))
                .orElse(Duration.ofSeconds(10));
    }

    private void checkEnvKeys() {
        for (String name : env.keySet()) {
            if (name.startsWith("PORTCULLIS_") && !name.startsWith(TEST_PREFIX) && !ENV_KEYS.contains(name)) {
                throw new ConfigurationException(name, "unknown environment variable");
            }
        }
    }

    private Optional<String> env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private Optional<String> value(String envName, ConfigNode node, String fileKey) {
        return setting(envName, node, fileKey).map(Setting::value);
    }

    /** A value and the key it came from, so that an error names what the operator wrote. */
    private record Setting(String key, String value) {
    }

    private Optional<Setting> setting(String envName, ConfigNode node, String fileKey) {
        Optional<String> fromEnv = env(envName);
        if (fromEnv.isPresent()) {
            return Optional.of(new Setting(envName, fromEnv.get()));
        }
        return node.text(fileKey).map(v -> new Setting(node.key(fileKey), v));
    }

    private Set<GrantType> grants(ConfigNode root) {
        Optional<String> fromEnv = env("PORTCULLIS_GRANTS");
        String key = fromEnv.isPresent() ? "PORTCULLIS_GRANTS" : "grants";
        List<String> names = fromEnv.map(v -> List.of(v.split("\\s*,\\s*"))).orElse(root.texts("grants"));
        if (names.isEmpty()) {
            return Set.copyOf(AVAILABLE_GRANTS);
        }
        Set<GrantType> grants = new LinkedHashSet<>();
        for (String name : names) {
            GrantType grant = AVAILABLE_GRANTS.stream().filter(g -> g.value().equals(name)).findFirst()
                    .orElseThrow(() -> new ConfigurationException(key, "unknown or not yet available built-in grant "
                            + quote(name) + "; available: client_credentials, authorization_code, refresh_token"));
            grants.add(grant);
        }
        return grants;
    }

    private static List<ClientEntry> clients(ConfigNode root, Duration lifetime, boolean production) {
        List<ClientEntry> clients = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (ConfigNode entry : root.sections("clients")) {
            ClientEntry client = ClientEntryParser.parse(entry, lifetime, production);
            if (!ids.add(client.client().id().value())) {
                throw new ConfigurationException(entry.key("client_id"), "duplicate client_id");
            }
            clients.add(client);
        }
        return clients;
    }

    private IdentitySettings identity(ConfigNode root) {
        ConfigNode identity = root.section("identity").orElseGet(() -> ConfigNode.empty("identity"))
                .requireKnownKeys(Set.of("url", "authorization", "timeout"));
        Optional<URI> url = setting("PORTCULLIS_IDENTITY_URL", identity, "url").map(v -> httpUrl(v));
        List<UserEntry> users = UserEntryParser.parse(root);
        if (url.isPresent() && !users.isEmpty()) {
            throw new ConfigurationException("users", "must be empty when the identity service at identity.url is used");
        }
        Duration timeout = setting("PORTCULLIS_IDENTITY_TIMEOUT", identity, "timeout")
                .map(v -> seconds(v.key(), v.value())).orElse(Duration.ofSeconds(2));
        return new IdentitySettings(users, url,
                setting("PORTCULLIS_IDENTITY_AUTHORIZATION", identity, "authorization").map(Setting::value), timeout);
    }

    private static URI httpUrl(Setting setting) {
        try {
            URI uri = new URI(setting.value());
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new ConfigurationException(setting.key(), "must be an http or https URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(setting.key(), "is not a valid URL");
        }
    }

    private static Path directory(Setting setting) {
        Path path = Path.of(setting.value());
        if (!Files.isDirectory(path)) {
            throw new ConfigurationException(setting.key(), "directory " + path + " does not exist");
        }
        return path;
    }

    private static List<ScopeDefinition> scopes(ConfigNode root) {
        List<ScopeDefinition> scopes = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode entry : root.sections("scopes")) {
            entry.requireKnownKeys(Set.of("name", "description"));
            String name = entry.text("name").orElseThrow(() -> new ConfigurationException(entry.key("name"), "is required"));
            if (!Scope.isValid(name)) {
                throw new ConfigurationException(entry.key("name"), "is not a valid scope-token (RFC 6749 §3.3)");
            }
            if (!names.add(name)) {
                throw new ConfigurationException(entry.key("name"), "duplicate scope");
            }
            scopes.add(new ScopeDefinition(new Scope(name), entry.text("description").orElse("")));
        }
        return scopes;
    }

    private static ConfigNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("PORTCULLIS_CONFIG", "file " + file + " does not exist");
        }
        try {
            JsonNode tree = new YAMLMapper().readTree(file.toFile());
            return new ConfigNode(tree == null || tree.isMissingNode() ? new YAMLMapper().createObjectNode() : tree, "");
        } catch (IOException e) {
            throw new ConfigurationException(file.toString(), "is not valid YAML (" + firstLine(e.getMessage()) + ")");
        }
    }

    private static Mode mode(Setting setting) {
        return switch (setting.value().toLowerCase(Locale.ROOT)) {
            case "development" -> Mode.DEVELOPMENT;
            case "production" -> Mode.PRODUCTION;
            default -> throw new ConfigurationException(setting.key(), "must be development or production");
        };
    }

    private static URI issuer(Setting setting, boolean production) {
        try {
            URI uri = new URI(setting.value());
            if (production && !"https".equals(uri.getScheme())) {
                throw new ConfigurationException(setting.key(), "must be an https URL in production mode");
            }
            ServerSettings.of(uri);
            return uri;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new ConfigurationException(setting.key(), "must be an https URL (http only on localhost), "
                    + "without query, fragment or trailing slash");
        }
    }

    private static int range(Setting setting, int min, int max) {
        return range(setting.key(), setting.value(), min, max);
    }

    private static int range(String key, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw new ConfigurationException(key, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key, "must be a whole number");
        }
    }

    static Duration seconds(String key, String value) {
        return Duration.ofSeconds(range(key, value, 1, 366 * 24 * 3600));
    }

    private static SigningAlgorithm algorithm(Setting setting) {
        return SigningAlgorithm.fromJwsName(setting.value()).orElseThrow(() ->
                new ConfigurationException(setting.key(), "must be RS256, PS256, ES256 or EdDSA"));
    }

    private static MasterKey masterKey(String key, String value) {
        try {
            return MasterKey.fromBase64(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(key, "must be 32 random bytes in base64 "
                    + "(make one with: openssl rand -base64 32)");
        }
    }

    private static String quote(String value) {
        return "\"" + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "\"";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
