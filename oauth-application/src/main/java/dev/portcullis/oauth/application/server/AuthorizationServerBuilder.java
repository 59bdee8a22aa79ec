package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles an {@link AuthorizationServer}. Required: clients, scopes, signing keys with the master
 * key, and a clock. Grants are off until enabled. Not thread-safe.
 *
 * <pre>{@code
 * AuthorizationServer server = AuthorizationServer.builder(ServerSettings.of(URI.create("https://as.example")))
 *         .clients(new InMemoryClientRepository())
 *         .scopes(new InMemoryScopeRepository())
 *         .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(new SecureRandom()))
 *         .clock(Clock.systemUTC())
 *         .enableGrant(GrantType.CLIENT_CREDENTIALS)
 *         .grantHandler(new MyGrantHandler())
 *         .build();
 * }</pre>
 */
public final class AuthorizationServerBuilder {

    private final ServerSettings settings;
    private ClientRepository clients;
    private ScopeRepository scopes;
    private SigningKeyRepository signingKeys;
    private MasterKey masterKey;
    private Clock clock;
    private SecureRandom random;
    private SecretHasher secretHasher;
    private EventPublisher events = EventPublisher.none();
    private Duration clientCacheTtl = Duration.ofSeconds(5);
    private final Set<GrantType> enabledGrants = new LinkedHashSet<>();
    private final List<GrantHandler> handlers = new ArrayList<>();

    AuthorizationServerBuilder(ServerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public AuthorizationServerBuilder clients(ClientRepository repository) {
        this.clients = Objects.requireNonNull(repository, "clients");
        return this;
    }

    public AuthorizationServerBuilder scopes(ScopeRepository repository) {
        this.scopes = Objects.requireNonNull(repository, "scopes");
        return this;
    }

    /** Where signing keys are stored, and the key that encrypts their private halves. */
    public AuthorizationServerBuilder signingKeys(SigningKeyRepository repository, MasterKey key) {
        this.signingKeys = Objects.requireNonNull(repository, "signingKeys");
        this.masterKey = Objects.requireNonNull(key, "masterKey");
        return this;
    }

    /** The source of "now" for every expiry; {@code Clock.systemUTC()} in production. */
    public AuthorizationServerBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** The source of token values, salts and keys; a new {@link SecureRandom} when not set. */
    public AuthorizationServerBuilder random(SecureRandom value) {
        this.random = Objects.requireNonNull(value, "random");
        return this;
    }

    /** The client secret hash; PBKDF2-HMAC-SHA256 with 600,000 iterations when not set. */
    public AuthorizationServerBuilder secretHasher(SecretHasher value) {
        this.secretHasher = Objects.requireNonNull(value, "secretHasher");
        return this;
    }

    /** Where events go; dropped when not set. */
    public AuthorizationServerBuilder events(EventPublisher value) {
        this.events = Objects.requireNonNull(value, "events");
        return this;
    }

    /**
     * How long the token endpoint trusts a client registration it has read; 5 seconds when not set,
     * {@code Duration.ZERO} to read the repository on every request. Changes made through another
     * path than this server (another instance, the database) take effect within this time.
     */
    public AuthorizationServerBuilder clientCacheTtl(Duration value) {
        Objects.requireNonNull(value, "clientCacheTtl");
        if (value.isNegative()) {
            throw new IllegalArgumentException("clientCacheTtl must not be negative");
        }
        this.clientCacheTtl = value;
        return this;
    }

    /** Enables a built-in grant type (today: {@code client_credentials}). */
    public AuthorizationServerBuilder enableGrant(GrantType type) {
        enabledGrants.add(Objects.requireNonNull(type, "type"));
        return this;
    }

    /** Adds a custom grant handler. */
    public AuthorizationServerBuilder grantHandler(GrantHandler handler) {
        handlers.add(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /** Adds every grant handler listed in {@code META-INF/services} visible to {@code loader}. */
    public AuthorizationServerBuilder discoverGrantHandlers(ClassLoader loader) {
        handlers.addAll(GrantHandlerRegistry.discover(Objects.requireNonNull(loader, "loader")));
        return this;
    }

    /**
     * Builds the server: checks the parts, and makes sure each enabled algorithm has a current
     * signing key (generating and storing one where needed).
     *
     * @throws NullPointerException  when a required part is missing
     * @throws IllegalStateException when two handlers serve one grant type, or a stored key cannot be read
     */
    public AuthorizationServer build() {
        return AuthorizationServer.build(this);
    }

    ServerSettings settings() {
        return settings;
    }

    ClientRepository clients() {
        return clients;
    }

    ScopeRepository scopes() {
        return scopes;
    }

    SigningKeyRepository signingKeys() {
        return signingKeys;
    }

    MasterKey masterKey() {
        return masterKey;
    }

    Clock clock() {
        return clock;
    }

    SecureRandom random() {
        return random != null ? random : new SecureRandom();
    }

    Optional<SecretHasher> secretHasher() {
        return Optional.ofNullable(secretHasher);
    }

    Duration clientCacheTtl() {
        return clientCacheTtl;
    }

    EventPublisher events() {
        return events;
    }

    Set<GrantType> enabledGrants() {
        return enabledGrants;
    }

    List<GrantHandler> handlers() {
        return handlers;
    }
}
