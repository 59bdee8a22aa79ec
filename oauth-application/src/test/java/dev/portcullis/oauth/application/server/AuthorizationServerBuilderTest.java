package dev.portcullis.oauth.application.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.grant.DiscoverableGrantHandler;
import dev.portcullis.oauth.application.grant.RecordingGrantHandler;
import dev.portcullis.oauth.application.job.JobSettings;
import dev.portcullis.oauth.application.job.RecurringJob;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.LocalChangeNotifier;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuthorizationServerBuilderTest {

    private final InMemorySigningKeyRepository keys = new InMemorySigningKeyRepository();

    private AuthorizationServerBuilder complete() {
        return AuthorizationServer.builder(ServerSettings.of(TestServers.ISSUER))
                .clients(new InMemoryClientRepository())
                .scopes(new InMemoryScopeRepository())
                .signingKeys(keys, MasterKey.generate(new SecureRandom()))
                .clock(TestServers.CLOCK);
    }

    private static AuthorizationServerBuilder withoutAnything() {
        return AuthorizationServer.builder(ServerSettings.of(TestServers.ISSUER));
    }

    @Test
    void buildWhenClientsMissingThenNullPointerNamingClients() {
        AuthorizationServerBuilder builder = withoutAnything()
                .scopes(new InMemoryScopeRepository())
                .signingKeys(keys, MasterKey.generate(new SecureRandom()))
                .clock(TestServers.CLOCK);

        NullPointerException thrown = assertThrows(NullPointerException.class, builder::build);

        assertEquals("clients", thrown.getMessage());
    }

    @Test
    void buildWhenScopesMissingThenNullPointerNamingScopes() {
        AuthorizationServerBuilder builder = withoutAnything()
                .clients(new InMemoryClientRepository())
                .signingKeys(keys, MasterKey.generate(new SecureRandom()))
                .clock(TestServers.CLOCK);

        NullPointerException thrown = assertThrows(NullPointerException.class, builder::build);

        assertEquals("scopes", thrown.getMessage());
    }

    @Test
    void buildWhenSigningKeysMissingThenNullPointerNamingSigningKeys() {
        AuthorizationServerBuilder builder = withoutAnything()
                .clients(new InMemoryClientRepository())
                .scopes(new InMemoryScopeRepository())
                .clock(TestServers.CLOCK);

        NullPointerException thrown = assertThrows(NullPointerException.class, builder::build);

        assertEquals("signingKeys", thrown.getMessage());
    }

    @Test
    void buildWhenClockMissingThenNullPointerNamingClock() {
        AuthorizationServerBuilder builder = withoutAnything()
                .clients(new InMemoryClientRepository())
                .scopes(new InMemoryScopeRepository())
                .signingKeys(keys, MasterKey.generate(new SecureRandom()));

        NullPointerException thrown = assertThrows(NullPointerException.class, builder::build);

        assertEquals("clock", thrown.getMessage());
    }

    @Test
    void signingKeysWhenMasterKeyNullThenNullPointerNamingMasterKey() {
        AuthorizationServerBuilder builder = withoutAnything();

        NullPointerException thrown = assertThrows(NullPointerException.class, () -> builder.signingKeys(keys, null));

        assertEquals("masterKey", thrown.getMessage());
    }

    @Test
    void builderWhenSettingsNullThenNullPointerNamingSettings() {
        NullPointerException thrown = assertThrows(NullPointerException.class, () -> AuthorizationServer.builder(null));

        assertEquals("settings", thrown.getMessage());
    }

    @Test
    void buildWhenBuiltInGrantWithoutHandlerEnabledThenIllegalArgument() {
        AuthorizationServerBuilder builder = complete().enableGrant(GrantType.DEVICE_CODE);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("no built-in handler for grant type urn:ietf:params:oauth:grant-type:device_code yet",
                thrown.getMessage());
    }

    @Test
    void buildWhenRefreshTokenEnabledWithoutItsRepositoryThenNullPointerNamingIt() {
        AuthorizationServerBuilder builder = complete().enableGrant(GrantType.REFRESH_TOKEN);

        NullPointerException thrown = assertThrows(NullPointerException.class, builder::build);

        assertEquals("refreshTokens", thrown.getMessage());
    }

    @Test
    void buildWhenCustomGrantTypeEnabledAsBuiltInThenIllegalArgument() {
        AuthorizationServerBuilder builder = complete().enableGrant(RecordingGrantHandler.GRANT_TYPE);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, builder::build);

        assertEquals("no built-in handler for grant type urn:example:params:grant-type:recording yet",
                thrown.getMessage());
    }

    @Test
    void buildWhenCustomHandlerDuplicatesEnabledGrantThenIllegalState() {
        AuthorizationServerBuilder builder = complete()
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .grantHandler(new RecordingGrantHandler(GrantType.CLIENT_CREDENTIALS));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, builder::build);

        assertEquals("two grant handlers for grant type client_credentials: "
                + "dev.portcullis.oauth.application.grant.builtin.ClientCredentialsGrantHandler and "
                + "dev.portcullis.oauth.application.grant.RecordingGrantHandler", thrown.getMessage());
    }

    @Test
    void buildWhenNoGrantEnabledThenNoGrantAdvertised() { // node-oidc-provider: features off until enabled
        AuthorizationServer server = complete().build();

        assertEquals(List.of(), server.describeServer().metadata().get("grant_types_supported"));
    }

    @Test
    void buildWhenGrantsEnabledThenAdvertisedInOrder() { // RFC 8414 §2: grant_types_supported
        AuthorizationServer server = complete()
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .grantHandler(new RecordingGrantHandler())
                .build();

        assertEquals(List.of("client_credentials", RecordingGrantHandler.GRANT_TYPE.value()),
                server.describeServer().metadata().get("grant_types_supported"));
    }

    @Test
    void discoverGrantHandlersWhenServicesFileListsHandlerThenItsGrantIsServed() throws IOException {
        URL root = Objects.requireNonNull(getClass().getResource("/grant-handler-discovery/"), "test resource");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, getClass().getClassLoader())) {
            AuthorizationServer server = complete().discoverGrantHandlers(loader).build();

            assertEquals(List.of(DiscoverableGrantHandler.GRANT_TYPE.value()),
                    server.describeServer().metadata().get("grant_types_supported"));
        }
    }

    @Test
    void buildWhenCalledThenCurrentKeyForEveryEnabledAlgorithm() {
        complete().build();

        List<SigningKey> stored = keys.findAll();
        assertEquals(1, stored.size());
        assertEquals(SigningAlgorithm.RS256, stored.get(0).algorithm());
        assertEquals(KeyState.CURRENT, stored.get(0).state());
    }

    @Test
    void buildWhenCalledTwiceOnSameKeysThenKeysReused() { // a restart keeps its keys
        MasterKey masterKey = MasterKey.generate(new SecureRandom());
        complete().signingKeys(keys, masterKey).build();
        List<SigningKey> first = keys.findAll();

        complete().signingKeys(keys, masterKey).build();

        assertEquals(first, keys.findAll());
    }

    @Test
    void buildWhenStoredKeysUnderOtherMasterKeyThenIllegalState() { // fail closed
        complete().build();
        AuthorizationServerBuilder restart = complete().signingKeys(keys, MasterKey.generate(new SecureRandom()));

        assertThrows(IllegalStateException.class, restart::build);
    }

    @Test
    void buildWhenNoHasherGivenThenDefaultPbkdf2Hasher() {
        AuthorizationServer server = complete().build();

        assertInstanceOf(Pbkdf2SecretHasher.class, server.secretHasher());
    }

    @Test
    void buildWhenPreviousMasterKeyGivenThenKeysReencryptedUnderTheNewOne() {
        MasterKey old = MasterKey.generate(new SecureRandom());
        MasterKey fresh = MasterKey.generate(new SecureRandom());
        complete().signingKeys(keys, old).build();
        String kid = keys.findAll().get(0).id().value();

        complete().signingKeys(keys, fresh).previousMasterKey(old).build();
        AuthorizationServer restartedWithoutOld = complete().signingKeys(keys, fresh).build();

        assertEquals(1, keys.findAll().size());
        assertEquals(kid, restartedWithoutOld.keyRing().currentKeyId(SigningAlgorithm.RS256).orElseThrow().value());
    }

    @Test
    void recurringJobsWhenBuiltWithoutBrowserFlowStoresThenKeyJobsOnly() {
        AuthorizationServer server = complete().build();

        List<String> names = server.recurringJobs(JobSettings.DEFAULTS).stream().map(RecurringJob::name).toList();

        assertEquals(List.of("signing-key-rotation", "signing-key-refresh"), names);
    }

    @Test
    void recurringJobsWhenDenyListAndChangesGivenThenEveryInstanceReloadsItsCopy() {
        AuthorizationServer server = complete().revokedAccessTokens(new InMemoryRevokedAccessTokenRepository())
                .changes(new LocalChangeNotifier()).build();

        List<String> names = server.recurringJobs(JobSettings.DEFAULTS).stream().map(RecurringJob::name).toList();

        assertEquals(List.of("signing-key-rotation", "signing-key-refresh", "revoked-access-token-refresh",
                "prune-revoked-access-tokens"), names);
    }

    @Test
    void recurringJobsWhenDenyListCacheSizeZeroThenNoCopyToReload() {
        AuthorizationServer server = complete().revokedAccessTokens(new InMemoryRevokedAccessTokenRepository())
                .changes(new LocalChangeNotifier()).denyListCacheSize(0).build();

        List<String> names = server.recurringJobs(JobSettings.DEFAULTS).stream().map(RecurringJob::name).toList();

        assertEquals(List.of("signing-key-rotation", "signing-key-refresh", "prune-revoked-access-tokens"), names);
    }

    @Test
    void denyListCacheSizeWhenNegativeThenIllegalArgument() {
        AuthorizationServerBuilder builder = complete();

        assertThrows(IllegalArgumentException.class, () -> builder.denyListCacheSize(-1));
    }

    @Test
    void verifiedTokenCacheSizeWhenNegativeThenIllegalArgument() {
        AuthorizationServerBuilder builder = complete();

        assertThrows(IllegalArgumentException.class, () -> builder.verifiedTokenCacheSize(-1));
    }

    @Test
    void rotateSigningKeysWhenBuiltThenUsesTheBuildersLock() {
        LocalJobLock lock = new LocalJobLock();
        AuthorizationServer server = complete().jobLock(lock).build();

        Optional<IllegalStateException> refused = lock.runExclusively("signing-keys", () -> {
            try {
                java.util.concurrent.CompletableFuture.runAsync(
                        () -> server.rotateSigningKeys().rotate(SigningAlgorithm.RS256)).join();
                return Optional.<IllegalStateException>empty();
            } catch (java.util.concurrent.CompletionException e) {
                return Optional.of((IllegalStateException) e.getCause());
            }
        }).orElseThrow();

        assertEquals("signing keys are being changed elsewhere; try again", refused.orElseThrow().getMessage());
    }
}
