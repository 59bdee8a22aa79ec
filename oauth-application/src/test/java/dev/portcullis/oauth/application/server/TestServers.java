package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.key.PrivateKeyCipher;
import dev.portcullis.oauth.application.key.SigningKeyGenerator;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryOpaqueAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryResourceServerRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Builds an {@link AuthorizationServer} for tests: in-memory repositories, a fixed clock, a
 * 1000-iteration PBKDF2 hasher, a current RS256 key made once per test run, events recorded in
 * {@link #events()}. Confidential clients added
 * with {@link #client(ClientBuilder)} get {@link #SECRET}, hashed. Not thread-safe.
 *
 * <pre>{@code
 * TestServers fixture = TestServers.withGrants(GrantType.CLIENT_CREDENTIALS)
 *         .client(TestClients.confidential());
 * AuthorizationServer server = fixture.build();
 * }</pre>
 */
public final class TestServers {

    public static final URI ISSUER = URI.create("https://as.example.com");
    public static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The clear secret of every confidential client added through {@link #client(ClientBuilder)}. */
    public static final ClientSecret SECRET = new ClientSecret("test-client-secret");

    /** 32 bytes 0x00..0x1f: every fixture shares it, so the key below can be reused. */
    private static final MasterKey MASTER_KEY = MasterKey.fromBase64("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    /** Made once: a 2048-bit RSA key costs hundreds of milliseconds, and most tests need one. */
    private static final SigningKey RS256_KEY = rs256Key();

    private ServerSettings settings = ServerSettings.of(ISSUER);
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final InMemoryScopeRepository scopes = new InMemoryScopeRepository();
    private final InMemorySigningKeyRepository signingKeys = new InMemorySigningKeyRepository();
    private final SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
    private final List<OAuthEvent> events = new CopyOnWriteArrayList<>();
    private final List<GrantType> grants = new ArrayList<>();
    private final List<GrantHandler> handlers = new ArrayList<>();
    private final InMemoryResourceServerRepository resources = new InMemoryResourceServerRepository();
    private final InMemoryOpaqueAccessTokenRepository opaqueAccessTokens = new InMemoryOpaqueAccessTokenRepository();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final InMemoryRevokedAccessTokenRepository revokedAccessTokens = new InMemoryRevokedAccessTokenRepository();
    private RevokedAccessTokenRepository denyList = revokedAccessTokens;
    private Optional<ChangeNotifier> changes = Optional.empty();
    private boolean tokenManagement;
    private Clock clock = CLOCK;
    private UnitOfWork unitOfWork = new InMemoryUnitOfWork();

    private TestServers() {
        signingKeys.add(RS256_KEY);
    }

    private static SigningKey rs256Key() {
        SecureRandom random = new SecureRandom();
        PrivateKeyCipher cipher = new PrivateKeyCipher(MASTER_KEY, random);
        return new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(random), CLOCK)
                .generate(SigningAlgorithm.RS256, KeyState.CURRENT);
    }

    /** A fixture with no grant enabled. */
    public static TestServers empty() {
        return new TestServers();
    }

    /** A fixture with the given built-in grants enabled. */
    public static TestServers withGrants(GrantType... types) {
        TestServers fixture = new TestServers();
        fixture.grants.addAll(List.of(types));
        return fixture;
    }

    /** Replaces the default settings ({@link #ISSUER}, RS256). */
    public TestServers settings(ServerSettings value) {
        this.settings = value;
        return this;
    }

    /** Adds a custom grant handler. */
    public TestServers grantHandler(GrantHandler handler) {
        handlers.add(handler);
        return this;
    }

    /**
     * Adds resource servers, opaque access tokens, refresh tokens and the deny list, which serve
     * introspection and revocation (RFC 7662, RFC 7009).
     */
    public TestServers tokenManagement() {
        this.tokenManagement = true;
        return this;
    }

    /**
     * Replaces the in-memory deny list of {@link #tokenManagement()}, e.g. with one that counts its
     * questions; {@link #revokedAccessTokens()} then answers the unused default.
     */
    public TestServers denyList(RevokedAccessTokenRepository value) {
        this.denyList = value;
        return this;
    }

    /** Where the server hears other instances' changes; it then copies the deny list in memory. */
    public TestServers changes(ChangeNotifier value) {
        this.changes = Optional.of(value);
        return this;
    }

    /** Replaces the fixed {@link #CLOCK}, e.g. with a {@link MutableClock}. */
    public TestServers clock(Clock value) {
        this.clock = value;
        return this;
    }

    /** Replaces the in-memory unit of work, e.g. with a {@link RecordingUnitOfWork}. */
    public TestServers unitOfWork(UnitOfWork value) {
        this.unitOfWork = value;
        return this;
    }

    /** Registers the client; a confidential one gets {@link #SECRET}, hashed. */
    public TestServers client(ClientBuilder builder) {
        Client draft = builder.build();
        clients.save(draft.authenticationMethod().usesSecret() ? builder.secret(hasher.hash(SECRET)).build() : draft);
        return this;
    }

    /** The server on this fixture's repositories. */
    public AuthorizationServer build() {
        AuthorizationServerBuilder builder = AuthorizationServer.builder(settings)
                .clients(clients)
                .scopes(scopes)
                .signingKeys(signingKeys, MASTER_KEY)
                .clock(clock)
                .secretHasher(hasher)
                .events(events::add)
                .unitOfWork(unitOfWork);
        grants.forEach(builder::enableGrant);
        handlers.forEach(builder::grantHandler);
        if (tokenManagement) {
            builder.resources(resources).opaqueAccessTokens(opaqueAccessTokens).refreshTokens(refreshTokens)
                    .revokedAccessTokens(denyList);
        }
        changes.ifPresent(builder::changes);
        return builder.build();
    }

    /** Every event published so far, in order. */
    public List<OAuthEvent> events() {
        return events;
    }

    /** The client repository the server reads. */
    public InMemoryClientRepository clients() {
        return clients;
    }

    /** The scope repository the server reads. */
    public InMemoryScopeRepository scopes() {
        return scopes;
    }

    /** The resource servers the server reads (with {@link #tokenManagement()}). */
    public InMemoryResourceServerRepository resources() {
        return resources;
    }

    /** The opaque access tokens the server stores (with {@link #tokenManagement()}). */
    public InMemoryOpaqueAccessTokenRepository opaqueAccessTokens() {
        return opaqueAccessTokens;
    }

    /** The refresh tokens the server stores (with {@link #tokenManagement()}). */
    public InMemoryRefreshTokenRepository refreshTokens() {
        return refreshTokens;
    }

    /** The deny list the server keeps (with {@link #tokenManagement()}). */
    public InMemoryRevokedAccessTokenRepository revokedAccessTokens() {
        return revokedAccessTokens;
    }

    /** A token request with HTTP Basic credentials of {@code clientId} and {@link #SECRET}. */
    public static TokenEndpointRequest basic(String clientId, String... parameters) {
        return request(new ClientCredentials.SecretBasic(new ClientId(clientId), SECRET), parameters);
    }

    /** A token request with {@code credentials} and the name, value pairs {@code parameters}. */
    public static TokenEndpointRequest request(ClientCredentials credentials, String... parameters) {
        return new TokenEndpointRequest(parameters(parameters), Optional.of(credentials));
    }

    /** A token request without client credentials. */
    public static TokenEndpointRequest anonymous(String... parameters) {
        return new TokenEndpointRequest(parameters(parameters), Optional.empty());
    }

    private static Map<String, String> parameters(String... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("parameters are name, value pairs");
        }
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
