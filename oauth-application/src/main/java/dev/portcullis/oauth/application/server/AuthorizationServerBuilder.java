package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.application.authorization.LoginLimits;
import dev.portcullis.oauth.application.authorization.PendingAuthorizationStore;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.builtin.RefreshTokenGrantHandler;
import dev.portcullis.oauth.application.key.KeyRotationPolicy;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.application.revocation.CachingRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.application.client.ClientAssertionVerifier;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.port.JobLock;
import dev.portcullis.oauth.domain.port.JwkSetSource;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import dev.portcullis.oauth.domain.port.UnitOfWork;
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
 * key, and a clock. Grants are off until enabled. When {@code authorization_code} is served, the
 * browser flow's ports are required too: {@link #identityBackend}, {@link #authorizationCodes},
 * {@link #browserSessions}, {@link #consents} and {@link #pendingAuthorizations}. Repositories
 * backed by a database come with their {@link #unitOfWork}, which makes each grant write all or
 * nothing. Not thread-safe.
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
    private UnitOfWork unitOfWork = new InMemoryUnitOfWork();
    private Duration clientCacheTtl = Duration.ofSeconds(5);
    private IdentityBackend identityBackend;
    private AuthorizationCodeRepository authorizationCodes;
    private BrowserSessionRepository browserSessions;
    private ConsentRepository consents;
    private PendingAuthorizationStore pendingAuthorizations;
    private Duration browserSessionLifetime = Duration.ofHours(8);
    private RefreshTokenRepository refreshTokens;
    private Duration refreshTokenGracePeriod = RefreshTokenGrantHandler.DEFAULT_GRACE_PERIOD;
    private TokenLifetimes clientDefaults = TokenLifetimes.DEFAULTS;
    private RevokedAccessTokenRepository revokedAccessTokens;
    private ResourceServerRepository resources;
    private OpaqueAccessTokenRepository opaqueAccessTokens;
    private LoginLimits loginLimits = LoginLimits.DEFAULTS;
    private AssertionJtiRepository assertionJtis;
    private JwkSetSource clientJwkSets = JwkSetSource.none();
    private Duration clientAssertionMaxLifetime = ClientAssertionVerifier.DEFAULT_MAX_LIFETIME;
    private KeyRotationPolicy keyRotation = KeyRotationPolicy.DEFAULTS;
    private JobLock jobLock;
    private ChangeNotifier changes;
    private int denyListCacheSize = CachingRevokedAccessTokenRepository.DEFAULT_MAX_ENTRIES;
    private int verifiedTokenCacheSize = 10_000;
    private MasterKey previousMasterKey;
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

    /**
     * The transactions of the repositories given to this builder, so that each grant at the token
     * endpoint, each revocation of a grant and each sign-in and consent step writes all or nothing
     * (e.g. {@code persistence.unitOfWork()} for the {@code PersistenceUnit} the repositories come
     * from). When not set, {@code InMemoryUnitOfWork}, which runs the work directly: right for
     * in-memory repositories, but with database repositories a failure between two writes of one
     * grant would leave the first (a code spent, no token issued).
     */
    public AuthorizationServerBuilder unitOfWork(UnitOfWork value) {
        this.unitOfWork = Objects.requireNonNull(value, "unitOfWork");
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

    /** The service that checks users' passwords; required with {@code authorization_code}. */
    public AuthorizationServerBuilder identityBackend(IdentityBackend value) {
        this.identityBackend = Objects.requireNonNull(value, "identityBackend");
        return this;
    }

    /** Where authorization codes are stored; required with {@code authorization_code}. */
    public AuthorizationServerBuilder authorizationCodes(AuthorizationCodeRepository repository) {
        this.authorizationCodes = Objects.requireNonNull(repository, "authorizationCodes");
        return this;
    }

    /** Where browser sessions are stored; required with {@code authorization_code}. */
    public AuthorizationServerBuilder browserSessions(BrowserSessionRepository repository) {
        this.browserSessions = Objects.requireNonNull(repository, "browserSessions");
        return this;
    }

    /** Where refresh tokens are stored; required with {@code authorization_code}. */
    public AuthorizationServerBuilder refreshTokens(RefreshTokenRepository repository) {
        this.refreshTokens = Objects.requireNonNull(repository, "refreshTokens");
        return this;
    }

    /**
     * The token lifetimes of a client registered through the admin API without lifetimes of its
     * own; {@link TokenLifetimes#DEFAULTS} unless set.
     */
    public AuthorizationServerBuilder clientDefaults(TokenLifetimes value) {
        this.clientDefaults = Objects.requireNonNull(value, "clientDefaults");
        return this;
    }

    /**
     * How long a used refresh token keeps working (answered with the same successor) while its
     * successor is unused, so that a client's concurrent refreshes do not end its session; reuse
     * after it revokes the family (RFC 9700 §4.14.2). 10 seconds when not set.
     */
    public AuthorizationServerBuilder refreshTokenGracePeriod(Duration value) {
        Objects.requireNonNull(value, "refreshTokenGracePeriod");
        if (value.isNegative()) {
            throw new IllegalArgumentException("refreshTokenGracePeriod must not be negative");
        }
        this.refreshTokenGracePeriod = value;
        return this;
    }

    /** The deny list of revoked JWT access tokens; required with {@code authorization_code}. */
    public AuthorizationServerBuilder revokedAccessTokens(RevokedAccessTokenRepository repository) {
        this.revokedAccessTokens = Objects.requireNonNull(repository, "revokedAccessTokens");
        return this;
    }

    /**
     * The resource servers (RFC 8707) that decide the audience of access tokens; none when not
     * set, so every token carries the default audience and every {@code resource} parameter is
     * {@code invalid_target}.
     */
    public AuthorizationServerBuilder resources(ResourceServerRepository repository) {
        this.resources = Objects.requireNonNull(repository, "resources");
        return this;
    }

    /**
     * Where opaque access tokens are stored; required when a client's {@code access_token_format}
     * is {@code opaque} (its token requests fail otherwise).
     */
    public AuthorizationServerBuilder opaqueAccessTokens(OpaqueAccessTokenRepository repository) {
        this.opaqueAccessTokens = Objects.requireNonNull(repository, "opaqueAccessTokens");
        return this;
    }

    /** Where users' consents are remembered; required with {@code authorization_code}. */
    public AuthorizationServerBuilder consents(ConsentRepository repository) {
        this.consents = Objects.requireNonNull(repository, "consents");
        return this;
    }

    /**
     * Where authorization requests wait for the login and consent pages; required with
     * {@code authorization_code}. Several instances need a shared store.
     */
    public AuthorizationServerBuilder pendingAuthorizations(PendingAuthorizationStore store) {
        this.pendingAuthorizations = Objects.requireNonNull(store, "pendingAuthorizations");
        return this;
    }

    /** How long a browser session lasts after the user signs in; 8 hours when not set. */
    public AuthorizationServerBuilder browserSessionLifetime(Duration value) {
        Objects.requireNonNull(value, "browserSessionLifetime");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("browserSessionLifetime must be positive");
        }
        this.browserSessionLifetime = value;
        return this;
    }

    /** Failed sign-ins tolerated per username and per address; {@link LoginLimits#DEFAULTS} when not set. */
    public AuthorizationServerBuilder loginLimits(LoginLimits value) {
        this.loginLimits = Objects.requireNonNull(value, "loginLimits");
        return this;
    }

    /**
     * Where the {@code jti} of client assertions are recorded (RFC 7523 §3); one in memory when not
     * set, which holds on a single instance only: several instances need a shared repository.
     */
    public AuthorizationServerBuilder assertionJtis(AssertionJtiRepository repository) {
        this.assertionJtis = Objects.requireNonNull(repository, "assertionJtis");
        return this;
    }

    /** When signing keys rotate; {@link KeyRotationPolicy#DEFAULTS} when not set. */
    public AuthorizationServerBuilder keyRotation(KeyRotationPolicy value) {
        this.keyRotation = Objects.requireNonNull(value, "keyRotation");
        return this;
    }

    /**
     * Fetches the {@code jwks_uri} of {@code private_key_jwt} clients; when not set such clients
     * can use inline {@code jwks} only, and a {@code jwks_uri} client is refused.
     */
    public AuthorizationServerBuilder clientJwkSets(JwkSetSource source) {
        this.clientJwkSets = Objects.requireNonNull(source, "clientJwkSets");
        return this;
    }

    /** How far ahead a client assertion's {@code exp} may be; 5 minutes when not set. */
    public AuthorizationServerBuilder clientAssertionMaxLifetime(Duration value) {
        Objects.requireNonNull(value, "clientAssertionMaxLifetime");
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("clientAssertionMaxLifetime must be positive");
        }
        this.clientAssertionMaxLifetime = value;
        return this;
    }

    /**
     * The lock that lets one instance at a time change keys and run background jobs; a lock local
     * to this process when not set, which is right only when one process uses the storage.
     */
    public AuthorizationServerBuilder jobLock(JobLock value) {
        this.jobLock = Objects.requireNonNull(value, "jobLock");
        return this;
    }

    /**
     * Where changes to clients and signing keys made by other instances are heard: the server then
     * drops the client from its cache, or reloads its key ring, at once. The repositories given to
     * this builder should announce their writes there (see {@code NotifyingClientRepository} and
     * {@code NotifyingSigningKeyRepository}). When not set, other instances' changes are seen when
     * the client cache entry expires and at the next scheduled key refresh.
     *
     * <p>With it, the server also keeps a copy of the {@link #revokedAccessTokens deny list} in
     * memory ({@link CachingRevokedAccessTokenRepository}), so that checking a JWT access token
     * asks no database: the server announces its own revocations there and hears the others'.
     * Revocations must therefore go through a server built with the same notifier.
     */
    public AuthorizationServerBuilder changes(ChangeNotifier value) {
        this.changes = Objects.requireNonNull(value, "changes");
        return this;
    }

    /**
     * How many unexpired deny-list entries the in-memory copy holds at most (see {@link #changes});
     * 100,000 when not set (about 15 MB). While more are unexpired, tokens are checked against the
     * repository, as they are with 0, which keeps no copy.
     */
    public AuthorizationServerBuilder denyListCacheSize(int maxEntries) {
        if (maxEntries < 0 || maxEntries == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("denyListCacheSize must be 0 or more and less than Integer.MAX_VALUE");
        }
        this.denyListCacheSize = maxEntries;
        return this;
    }

    /**
     * How many verified JWT access tokens introspection and UserInfo remember, so that the same
     * token presented again skips its signature check (and only that: expiry, issuer, the deny list
     * and the caller's rights are checked every time); 10,000 when not set, 0 to verify every time.
     * Entries are keyed by the SHA-256 of the exact token, end at the token's {@code exp}, and are
     * dropped when the published signing keys change.
     */
    public AuthorizationServerBuilder verifiedTokenCacheSize(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalArgumentException("verifiedTokenCacheSize must not be negative");
        }
        this.verifiedTokenCacheSize = maxEntries;
        return this;
    }

    /**
     * The master key in use before the current one, during a master key rotation: {@link #build()}
     * then re-encrypts every private key still under it with the current master key.
     */
    public AuthorizationServerBuilder previousMasterKey(MasterKey key) {
        this.previousMasterKey = Objects.requireNonNull(key, "previousMasterKey");
        return this;
    }

    /** Enables a built-in grant type: {@code client_credentials}, {@code authorization_code} or {@code refresh_token}. */
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

    IdentityBackend identityBackend() {
        return identityBackend;
    }

    AuthorizationCodeRepository authorizationCodes() {
        return authorizationCodes;
    }

    BrowserSessionRepository browserSessions() {
        return browserSessions;
    }

    RefreshTokenRepository refreshTokens() {
        return refreshTokens;
    }

    TokenLifetimes clientDefaults() {
        return clientDefaults;
    }

    Duration refreshTokenGracePeriod() {
        return refreshTokenGracePeriod;
    }

    RevokedAccessTokenRepository revokedAccessTokens() {
        return revokedAccessTokens;
    }

    Optional<ResourceServerRepository> resources() {
        return Optional.ofNullable(resources);
    }

    Optional<OpaqueAccessTokenRepository> opaqueAccessTokens() {
        return Optional.ofNullable(opaqueAccessTokens);
    }

    ConsentRepository consents() {
        return consents;
    }

    PendingAuthorizationStore pendingAuthorizations() {
        return pendingAuthorizations;
    }

    Duration browserSessionLifetime() {
        return browserSessionLifetime;
    }

    LoginLimits loginLimits() {
        return loginLimits;
    }

    AssertionJtiRepository assertionJtis() {
        return assertionJtis;
    }

    JwkSetSource clientJwkSets() {
        return clientJwkSets;
    }

    Duration clientAssertionMaxLifetime() {
        return clientAssertionMaxLifetime;
    }

    KeyRotationPolicy keyRotation() {
        return keyRotation;
    }

    UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    JobLock jobLock() {
        if (jobLock == null) {
            jobLock = new LocalJobLock();
        }
        return jobLock;
    }

    Optional<ChangeNotifier> changes() {
        return Optional.ofNullable(changes);
    }

    int denyListCacheSize() {
        return denyListCacheSize;
    }

    int verifiedTokenCacheSize() {
        return verifiedTokenCacheSize;
    }

    Optional<MasterKey> previousMasterKey() {
        return Optional.ofNullable(previousMasterKey);
    }

    Set<GrantType> enabledGrants() {
        return enabledGrants;
    }

    List<GrantHandler> handlers() {
        return handlers;
    }
}
