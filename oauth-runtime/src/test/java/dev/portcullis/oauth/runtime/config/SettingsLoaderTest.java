package dev.portcullis.oauth.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.job.JobSettings;
import dev.portcullis.oauth.application.key.KeyRotationPolicy;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    private static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** A confidential client entry; a test appends keys indented by four spaces. */
    private static final String CLIENT = "clients:\n  - client_id: a\n    client_secret: a-long-enough-secret-value\n";

    @TempDir
    Path dir;

    @Test
    void loadWhenNothingConfiguredThenDevelopmentDefaults() {
        RuntimeSettings settings = new SettingsLoader(Map.of()).load();

        assertEquals(Mode.DEVELOPMENT, settings.mode());
        assertEquals(URI.create("http://localhost:8080"), settings.issuer());
        assertEquals(8080, settings.httpPort());
        assertEquals("127.0.0.1", settings.httpHost());
        assertTrue(settings.database().url().startsWith("jdbc:h2:file:"));
        assertEquals(Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                settings.grants());
        assertEquals(SigningAlgorithm.RS256, settings.signingAlgorithm());
        assertEquals("http://localhost:8080", settings.audience());
    }

    @Test
    void loadWhenNothingConfiguredThenMetricsEnabled() {
        assertTrue(new SettingsLoader(Map.of()).load().metricsEnabled());
    }

    @Test
    void loadWhenMetricsDisabledInEnvironmentThenDisabled() {
        assertFalse(new SettingsLoader(Map.of("PORTCULLIS_METRICS_ENABLED", "false")).load().metricsEnabled());
    }

    @Test
    void loadWhenMetricsDisabledInFileThenDisabled() throws IOException {
        Path file = write("metrics:\n  enabled: false\n");

        assertFalse(new SettingsLoader(Map.of()).load(file).metricsEnabled());
    }

    @Test
    void loadWhenMetricsEnabledNotBooleanThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_METRICS_ENABLED", "yes")).load());

        assertEquals("PORTCULLIS_METRICS_ENABLED: must be true or false", thrown.getMessage());
    }

    @Test
    void loadWhenNothingConfiguredThenCryptoProviderAuto() {
        assertEquals(CryptoProviderMode.AUTO, new SettingsLoader(Map.of()).load().crypto().provider());
    }

    @Test
    void loadWhenCryptoProviderJdkInEnvironmentThenJdkFromThatKey() {
        CryptoSettings crypto = new SettingsLoader(Map.of("PORTCULLIS_CRYPTO_PROVIDER", "jdk")).load().crypto();

        assertEquals(new CryptoSettings(CryptoProviderMode.JDK, "PORTCULLIS_CRYPTO_PROVIDER"), crypto);
    }

    @Test
    void loadWhenCryptoProviderNativeInFileThenNativeFromThatKey() throws IOException {
        Path file = write("crypto:\n  provider: native\n");

        CryptoSettings crypto = new SettingsLoader(Map.of()).load(file).crypto();

        assertEquals(new CryptoSettings(CryptoProviderMode.NATIVE, "crypto.provider"), crypto);
    }

    @Test
    void loadWhenCryptoProviderUnknownThenErrorNamesTheKey() throws IOException {
        Path file = write("crypto:\n  provider: bouncycastle\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("crypto.provider: must be auto, jdk or native", thrown.getMessage());
    }

    @Test
    void loadWhenCryptoSectionHasUnknownKeyThenErrorNamesIt() throws IOException {
        Path file = write("crypto:\n  providr: jdk\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("crypto.providr: unknown key", thrown.getMessage());
    }

    @Test
    void loadWhenLogFormatJsonThenAccepted() {
        assertTrue(new SettingsLoader(Map.of("PORTCULLIS_LOG_FORMAT", "json")).load().metricsEnabled());
    }

    @Test
    void loadWhenLogFormatUnknownThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_LOG_FORMAT", "xml")).load());

        assertEquals("PORTCULLIS_LOG_FORMAT: must be text or json", thrown.getMessage());
    }

    @Test
    void loadWhenFileDeclaresClientsAndScopesThenTheyAreParsed() throws IOException {
        Path file = write("""
                issuer: https://auth.example.com
                scopes:
                  - name: orders:read
                    description: Read orders
                clients:
                  - client_id: billing
                    client_name: Billing service
                    client_secret: a-long-enough-secret-value
                    token_endpoint_auth_method: client_secret_post
                    grant_types: [client_credentials]
                    scope: orders:read
                    access_token_signed_response_alg: ES256
                    access_token_lifetime: 120
                """);

        RuntimeSettings settings = new SettingsLoader(Map.of()).load(file);

        assertEquals(URI.create("https://auth.example.com"), settings.issuer());
        assertEquals("orders:read", settings.scopes().get(0).scope().value());
        ClientEntry billing = settings.clients().get(0);
        assertEquals(new ClientId("billing"), billing.client().id());
        assertEquals("Billing service", billing.client().name());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_POST, billing.client().authenticationMethod());
        assertEquals(ScopeSet.of("orders:read"), billing.client().scopes());
        assertEquals(SigningAlgorithm.ES256, billing.client().accessTokenSigningAlgorithm().orElseThrow());
        assertEquals(Duration.ofSeconds(120), billing.client().lifetimes().accessToken());
        assertEquals("a-long-enough-secret-value", billing.secret().orElseThrow().value());
    }

    @Test
    void loadWhenClientChoosesIdTokenAlgorithmThenParsed() throws IOException { // OIDC Registration §2
        Path file = write("""
                clients:
                  - client_id: web
                    client_secret: a-long-enough-secret-value
                    grant_types: [authorization_code]
                    redirect_uris: [https://web.example.com/cb]
                    scope: openid
                    id_token_signed_response_alg: ES256
                """);

        RuntimeSettings settings = new SettingsLoader(Map.of()).load(file);

        assertEquals(SigningAlgorithm.ES256, settings.clients().get(0).client().idTokenSigningAlgorithm().orElseThrow());
    }

    @Test
    void loadWhenIdTokenAlgorithmUnknownThenErrorNamesTheKey() throws IOException {
        Path file = write("clients:\n  - client_id: a\n    token_endpoint_auth_method: none\n"
                + "    id_token_signed_response_alg: HS256\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].id_token_signed_response_alg: unknown algorithm; use RS256, PS256, ES256 or EdDSA",
                thrown.getMessage());
    }

    @Test
    void loadWhenEnvironmentAndFileDisagreeThenEnvironmentWins() throws IOException {
        Path file = write("http:\n  port: 9000\n");

        RuntimeSettings settings = new SettingsLoader(Map.of("PORTCULLIS_HTTP_PORT", "9100")).load(file);

        assertEquals(9100, settings.httpPort());
    }

    @Test
    void loadWhenFileHasUnknownKeyThenErrorNamesIt() throws IOException {
        Path file = write("clients:\n  - client_id: a\n    client_secert: x\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].client_secert: unknown key", thrown.getMessage());
    }

    @Test
    void loadWhenUnknownEnvironmentVariableThenErrorNamesIt() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_HTTP_PROT", "1")).load());

        assertEquals("PORTCULLIS_HTTP_PROT: unknown environment variable", thrown.getMessage());
    }

    @Test
    void loadWhenPortIsNotANumberThenErrorNamesTheKeyUsed() throws IOException {
        Path file = write("http:\n  port: eighty\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("http.port: must be a whole number", thrown.getMessage());
    }

    @Test
    void loadWhenNoMaxThreadsThenJettysDefault() {
        assertEquals(200, new SettingsLoader(Map.of()).load().httpMaxThreads());
    }

    @Test
    void loadWhenMaxThreadsInFileOrEnvironmentThenTheEnvironmentWins() throws IOException {
        Path file = write("http:\n  max_threads: 48\n");

        assertEquals(48, new SettingsLoader(Map.of()).load(file).httpMaxThreads());
        assertEquals(32, new SettingsLoader(Map.of("PORTCULLIS_HTTP_MAX_THREADS", "32")).load(file).httpMaxThreads());
    }

    @Test
    void loadWhenMaxThreadsBelowWhatJettyNeedsThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_HTTP_MAX_THREADS", "4")).load());

        assertEquals("PORTCULLIS_HTTP_MAX_THREADS: must be between 16 and 2000", thrown.getMessage());
    }

    @Test
    void loadWhenGrantTypeUnknownThenErrorNamesTheListEntry() throws IOException {
        Path file = write("clients:\n  - client_id: a\n    client_secret: a-long-enough-secret-value\n    grant_types: [password]\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].grant_types[0]: unknown grant type; custom grant types are absolute URIs",
                thrown.getMessage());
    }

    @Test
    void loadWhenSecretMissingForSecretMethodThenError() throws IOException {
        Path file = write("clients:\n  - client_id: a\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].client_secret: is required for token_endpoint_auth_method client_secret_basic",
                thrown.getMessage());
    }

    @Test
    void loadWhenPublicClientAsksForClientCredentialsThenError() throws IOException { // RFC 6749 §4.4
        Path file = write("clients:\n  - client_id: spa\n    token_endpoint_auth_method: none\n    grant_types: [client_credentials]\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].client_id (spa): grant type client_credentials needs a confidential client (RFC 6749 §4.4)",
                thrown.getMessage());
    }

    @Test
    void loadWhenDuplicateClientIdThenError() throws IOException {
        Path file = write("""
                clients:
                  - client_id: a
                    client_secret: a-long-enough-secret-value
                  - client_id: a
                    client_secret: a-long-enough-secret-value
                """);

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[1].client_id: duplicate client_id", thrown.getMessage());
    }

    @Test
    void loadWhenProductionWithoutIssuerThenRefused() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_MODE", "production")).load());

        assertEquals("PORTCULLIS_ISSUER: is required in production mode", thrown.getMessage());
    }

    @Test
    void loadWhenProductionWithHttpIssuerThenRefused() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class, () -> new SettingsLoader(Map.of(
                "PORTCULLIS_MODE", "production", "PORTCULLIS_ISSUER", "http://localhost:8080")).load());

        assertEquals("PORTCULLIS_ISSUER: must be an https URL in production mode", thrown.getMessage());
    }

    @Test
    void loadWhenProductionWithoutDatabaseThenRefused() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class, () -> new SettingsLoader(Map.of(
                "PORTCULLIS_MODE", "production", "PORTCULLIS_ISSUER", "https://auth.example.com")).load());

        assertEquals("PORTCULLIS_DB_URL: is required in production mode", thrown.getMessage());
    }

    @Test
    void loadWhenProductionWithoutMasterKeyThenRefused() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class, () -> new SettingsLoader(Map.of(
                "PORTCULLIS_MODE", "production", "PORTCULLIS_ISSUER", "https://auth.example.com",
                "PORTCULLIS_DB_URL", "jdbc:postgresql://db/portcullis")).load());

        assertEquals("PORTCULLIS_MASTER_KEY: is required in production mode", thrown.getMessage());
    }

    @Test
    void loadWhenProductionFullyConfiguredThenStrictDefaults() {
        RuntimeSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_MODE", "production", "PORTCULLIS_ISSUER", "https://auth.example.com",
                "PORTCULLIS_DB_URL", "jdbc:postgresql://db/portcullis", "PORTCULLIS_MASTER_KEY", MASTER_KEY)).load();

        assertEquals(Mode.PRODUCTION, settings.mode());
        assertEquals("0.0.0.0", settings.httpHost());
        assertTrue(settings.masterKey().isPresent());
    }

    @Test
    void loadWhenMasterKeyIsNotThirtyTwoBytesThenErrorWithoutTheValue() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_MASTER_KEY", "c2hvcnQ=")).load());

        assertEquals("PORTCULLIS_MASTER_KEY: must be 32 random bytes in base64 (make one with: openssl rand -base64 32)",
                thrown.getMessage());
    }

    @Test
    void loadWhenIssuerHasQueryThenRefused() { // RFC 8414 §2
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_ISSUER", "https://a.example?x=1")).load());

        assertEquals("PORTCULLIS_ISSUER: must be an https URL (http only on localhost), without query, fragment or "
                + "trailing slash", thrown.getMessage());
    }

    @Test
    void loadWhenConfigFileMissingThenErrorNamesIt() {
        Path missing = dir.resolve("nope.yaml");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(missing));

        assertEquals("PORTCULLIS_CONFIG: file " + missing + " does not exist", thrown.getMessage());
    }

    @Test
    void loadWhenFileIsNotYamlThenErrorNamesTheFile() throws IOException {
        Path file = write("clients: [\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertTrue(thrown.getMessage().startsWith(file + ": is not valid YAML"), thrown.getMessage());
    }

    @Test
    void loadWhenEdDsaRequestedThenDefaultAlgorithmEdDsa() { // RFC 8037 §3.1
        RuntimeSettings settings = new SettingsLoader(Map.of("PORTCULLIS_SIGNING_ALGORITHM", "EdDSA")).load();

        assertEquals(SigningAlgorithm.EDDSA, settings.signingAlgorithm());
    }

    @Test
    void loadWhenClientAsksForEdDsaTokensThenBothAlgorithmsAccepted() throws IOException {
        Path file = write("clients:\n  - client_id: a\n    token_endpoint_auth_method: none\n"
                + "    id_token_signed_response_alg: EdDSA\n    access_token_signed_response_alg: EdDSA\n");

        RuntimeSettings settings = new SettingsLoader(Map.of()).load(file);

        assertEquals(Optional.of(SigningAlgorithm.EDDSA), settings.clients().get(0).client().idTokenSigningAlgorithm());
        assertEquals(Optional.of(SigningAlgorithm.EDDSA),
                settings.clients().get(0).client().accessTokenSigningAlgorithm());
    }

    @Test
    void loadWhenUnknownSigningAlgorithmThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_SIGNING_ALGORITHM", "HS256")).load());

        assertEquals("PORTCULLIS_SIGNING_ALGORITHM: must be RS256, PS256, ES256 or EdDSA", thrown.getMessage());
    }

    @Test
    void loadWhenNoKeySettingsThenDefaultScheduleAndJobs() {
        RuntimeSettings settings = new SettingsLoader(Map.of()).load();

        assertEquals(KeyRotationPolicy.DEFAULTS, settings.keys().rotation());
        assertEquals(Optional.empty(), settings.keys().previousMasterKey());
        assertEquals(JobSettings.DEFAULTS, settings.jobs());
    }

    @Test
    void loadWhenKeyAndJobSettingsInFileThenUsed() throws IOException {
        Path file = write("keys:\n  rotation_period: 604800\n  publication_lead: 1800\n  retention_margin: 120\n"
                + "jobs:\n  key_rotation_interval: 60\n  key_refresh_interval: 30\n  prune_interval: 900\n"
                + "  prune_batch_size: 500\n");

        RuntimeSettings settings = new SettingsLoader(Map.of()).load(file);

        assertEquals(new KeyRotationPolicy(Duration.ofDays(7), Duration.ofMinutes(30), Duration.ofMinutes(2)),
                settings.keys().rotation());
        assertEquals(new JobSettings(Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofMinutes(15), 500,
                JobSettings.DEFAULTS.pruneMaxBatches()), settings.jobs());
    }

    @Test
    void loadWhenKeySettingsInEnvironmentThenTheyWin() throws IOException {
        Path file = write("keys:\n  rotation_period: 604800\n");

        RuntimeSettings settings = new SettingsLoader(Map.of("PORTCULLIS_KEY_ROTATION_PERIOD", "86400",
                "PORTCULLIS_MASTER_KEY_PREVIOUS", MASTER_KEY)).load(file);

        assertEquals(Duration.ofDays(1), settings.keys().rotation().rotationPeriod());
        assertTrue(settings.keys().previousMasterKey().isPresent());
    }

    @Test
    void loadWhenPublicationLeadShorterThanJwksCachePlusRefreshThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_KEY_PUBLICATION_LEAD", "359")).load());

        assertEquals("PORTCULLIS_KEY_PUBLICATION_LEAD: must be at least 360 seconds: the JWKS cache time (300) plus "
                + "the key refresh interval", thrown.getMessage());
    }

    @Test
    void loadWhenRotationPeriodBelowTwiceTheLeadThenErrorNamesTheKey() throws IOException {
        Path file = write("keys:\n  rotation_period: 7199\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("keys.rotation_period: must be at least twice the publication lead (3600 seconds)", thrown.getMessage());
    }

    @Test
    void loadWhenRetentionMarginBelowRefreshIntervalThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_KEY_RETENTION_MARGIN", "59")).load());

        assertEquals("PORTCULLIS_KEY_RETENTION_MARGIN: must be at least the key refresh interval (60 seconds)",
                thrown.getMessage());
    }

    @Test
    void loadWhenPreviousMasterKeyInvalidThenErrorNamesIt() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_MASTER_KEY_PREVIOUS", "short")).load());

        assertEquals("PORTCULLIS_MASTER_KEY_PREVIOUS: must be 32 random bytes in base64 (make one with: openssl rand "
                + "-base64 32)", thrown.getMessage());
    }

    @Test
    void loadWhenUnknownKeyOrJobSettingThenErrorNamesIt() throws IOException {
        Path file = write("jobs:\n  prune_everything: true\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertTrue(thrown.getMessage().startsWith("jobs.prune_everything"), thrown.getMessage());
    }

    @Test
    void loadWhenPostgresPoolOfOneThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class, () -> new SettingsLoader(Map.of(
                "PORTCULLIS_DB_URL", "jdbc:postgresql://127.0.0.1/db", "PORTCULLIS_DB_POOL_SIZE", "1")).load());

        assertEquals("PORTCULLIS_DB_POOL_SIZE: must be at least 2 on PostgreSQL", thrown.getMessage());
    }

    @Test
    void loadWhenUsersDeclaredThenParsedWithClaims() throws IOException {
        Path file = write("""
                users:
                  - username: alice
                    password: correct horse battery staple
                    claims:
                      name: Alice Liddell
                      email: alice@example.com
                      email_verified: true
                  - username: bob
                    password_hash: $pbkdf2-sha256$i=600000$c2FsdA$aGFzaA
                    sub: user-0002
                """);

        RuntimeSettings settings = new SettingsLoader(Map.of()).load(file);

        UserEntry alice = settings.identity().users().get(0);
        assertEquals("alice", alice.username());
        assertEquals(Map.of("name", "Alice Liddell", "email", "alice@example.com", "email_verified", true), alice.claims());
        assertEquals("user-0002", settings.identity().users().get(1).subject().orElseThrow());
    }

    @Test
    void loadWhenUserHasNeitherPasswordNorHashThenError() throws IOException {
        Path file = write("users:\n  - username: alice\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("users[0].password: give password or password_hash, not both and not neither", thrown.getMessage());
    }

    @Test
    void loadWhenClaimsContainSubThenError() throws IOException {
        Path file = write("users:\n  - username: alice\n    password: x\n    claims:\n      sub: other\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("users[0].claims.sub: give the subject as the user's sub key", thrown.getMessage());
    }

    @Test
    void loadWhenIdentityServiceAndUsersBothGivenThenError() throws IOException {
        Path file = write("identity:\n  url: http://127.0.0.1:9000\nusers:\n  - username: a\n    password: x\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("users: must be empty when the identity service at identity.url is used", thrown.getMessage());
    }

    @Test
    void loadWhenClientFlagsGivenThenParsed() throws IOException {
        Path file = write("""
                clients:
                  - client_id: portal
                    token_endpoint_auth_method: none
                    grant_types: [authorization_code]
                    redirect_uris: ["https://portal.example.com/callback"]
                    first_party: true
                    allow_pkce_plain: false
                """);

        ClientEntry portal = new SettingsLoader(Map.of()).load(file).clients().get(0);

        assertTrue(portal.client().firstParty());
        assertEquals(false, portal.client().pkcePlainAllowed());
    }

    @Test
    void loadWhenFlagIsNotBooleanThenError() throws IOException {
        Path file = write("clients:\n  - client_id: a\n    client_secret: a-long-enough-secret-value\n    first_party: yes please\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].first_party: must be true or false", thrown.getMessage());
    }

    @Test
    void loadWhenClientGivesBothRefreshTokenLifetimesThenParsed() throws IOException {
        Path file = write("""
                clients:
                  - client_id: portal
                    token_endpoint_auth_method: none
                    grant_types: [authorization_code, refresh_token]
                    redirect_uris: ["https://portal.example.com/callback"]
                    refresh_token_lifetime: 7776000
                    refresh_token_idle_lifetime: 604800
                """);

        ClientEntry portal = new SettingsLoader(Map.of()).load(file).clients().get(0);

        assertEquals(Duration.ofDays(90), portal.client().lifetimes().refreshToken());
        assertEquals(Duration.ofDays(7), portal.client().lifetimes().refreshTokenIdle());
    }

    @Test
    void loadWhenOnlyRefreshTokenLifetimeGivenThenIdleEqualsIt() throws IOException {
        Path file = write(CLIENT + "    refresh_token_lifetime: 86400\n");

        ClientEntry client = new SettingsLoader(Map.of()).load(file).clients().get(0);

        assertEquals(Duration.ofDays(1), client.client().lifetimes().refreshToken());
        assertEquals(Duration.ofDays(1), client.client().lifetimes().refreshTokenIdle());
    }

    @Test
    void loadWhenOnlyRefreshTokenIdleLifetimeGivenThenAbsoluteDefaultKept() throws IOException {
        Path file = write(CLIENT + "    refresh_token_idle_lifetime: 3600\n");

        ClientEntry client = new SettingsLoader(Map.of()).load(file).clients().get(0);

        assertEquals(Duration.ofDays(30), client.client().lifetimes().refreshToken());
        assertEquals(Duration.ofHours(1), client.client().lifetimes().refreshTokenIdle());
    }

    @Test
    void loadWhenNoRefreshTokenLifetimesGivenThenThirtyDaysWithoutIdleLimit() throws IOException {
        Path file = write(CLIENT);

        ClientEntry client = new SettingsLoader(Map.of()).load(file).clients().get(0);

        assertEquals(Duration.ofDays(30), client.client().lifetimes().refreshToken());
        assertEquals(Duration.ofDays(30), client.client().lifetimes().refreshTokenIdle());
    }

    @Test
    void loadWhenRefreshTokenIdleLifetimeExceedsAbsoluteThenErrorNamesTheKey() throws IOException {
        Path file = write(CLIENT + "    refresh_token_lifetime: 3600\n    refresh_token_idle_lifetime: 3601\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].refresh_token_idle_lifetime: must not exceed refresh_token_lifetime",
                thrown.getMessage());
    }

    @Test
    void loadWhenRefreshTokenIdleLifetimeExceedsDefaultAbsoluteThenError() throws IOException {
        Path file = write(CLIENT + "    refresh_token_idle_lifetime: 2592001\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].refresh_token_idle_lifetime: must not exceed refresh_token_lifetime",
                thrown.getMessage());
    }

    @Test
    void loadWhenRefreshTokenLifetimeZeroThenErrorNamesTheKey() throws IOException {
        Path file = write(CLIENT + "    refresh_token_lifetime: 0\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].refresh_token_lifetime: must be between 1 and 31622400", thrown.getMessage());
    }

    @Test
    void loadWhenRefreshTokenIdleLifetimeNotANumberThenErrorNamesTheKey() throws IOException {
        Path file = write(CLIENT + "    refresh_token_idle_lifetime: a week\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("clients[0].refresh_token_idle_lifetime: must be a whole number", thrown.getMessage());
    }

    @Test
    void loadWhenRefreshTokenGraceNotGivenThenTenSeconds() {
        RuntimeSettings settings = new SettingsLoader(Map.of()).load();

        assertEquals(Duration.ofSeconds(10), settings.refreshTokenGrace());
    }

    @Test
    void loadWhenRefreshTokenGraceZeroInFileThenZero() throws IOException { // RFC 9700 §4.14.2: every reuse revokes
        Path file = write("tokens:\n  refresh_token_grace: 0\n");

        RuntimeSettings settings = new SettingsLoader(Map.of()).load(file);

        assertEquals(Duration.ZERO, settings.refreshTokenGrace());
    }

    @Test
    void loadWhenRefreshTokenGraceInEnvironmentThenEnvironmentWins() throws IOException {
        Path file = write("tokens:\n  refresh_token_grace: 0\n");

        RuntimeSettings settings = new SettingsLoader(Map.of("PORTCULLIS_REFRESH_TOKEN_GRACE", "30")).load(file);

        assertEquals(Duration.ofSeconds(30), settings.refreshTokenGrace());
    }

    @Test
    void loadWhenRefreshTokenGraceNegativeThenErrorNamesTheKey() throws IOException {
        Path file = write("tokens:\n  refresh_token_grace: -1\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("tokens.refresh_token_grace: must be between 0 and 300", thrown.getMessage());
    }

    @Test
    void loadWhenRefreshTokenGraceNotANumberThenErrorNamesTheVariable() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_REFRESH_TOKEN_GRACE", "10s")).load());

        assertEquals("PORTCULLIS_REFRESH_TOKEN_GRACE: must be a whole number", thrown.getMessage());
    }

    @Test
    void loadWhenClientCacheTtlNotSetThenFiveSeconds() throws IOException {
        RuntimeSettings settings = new SettingsLoader(Map.of()).load(write("grants: [client_credentials]\n"));

        assertEquals(Duration.ofSeconds(5), settings.clientCacheTtl());
    }

    @Test
    void loadWhenClientCacheTtlInFileAndEnvironmentThenEnvironmentWins() throws IOException {
        Path file = write("client_cache_ttl: 60\n");

        RuntimeSettings fromFile = new SettingsLoader(Map.of()).load(file);
        RuntimeSettings fromEnvironment = new SettingsLoader(Map.of("PORTCULLIS_CLIENT_CACHE_TTL", "0")).load(file);

        assertEquals(Duration.ofSeconds(60), fromFile.clientCacheTtl());
        assertEquals(Duration.ZERO, fromEnvironment.clientCacheTtl());
    }

    @Test
    void loadWhenClientCacheTtlOutOfRangeThenErrorNamesTheVariable() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_CLIENT_CACHE_TTL", "3601")).load());

        assertEquals("PORTCULLIS_CLIENT_CACHE_TTL: must be between 0 and 3600", thrown.getMessage());
    }

    @Test
    void withHttpPortWhenCalledThenOtherSettingsKept() throws IOException {
        RuntimeSettings settings = new SettingsLoader(Map.of()).load(write("tokens:\n  refresh_token_grace: 0\n"));

        RuntimeSettings copy = settings.withHttpPort(0);

        assertEquals(0, copy.httpPort());
        assertEquals(Duration.ZERO, copy.refreshTokenGrace());
        assertEquals(settings.clients(), copy.clients());
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("portcullis.yaml"), yaml);
    }
}
