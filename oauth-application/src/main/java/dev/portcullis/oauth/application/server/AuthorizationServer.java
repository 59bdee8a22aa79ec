package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.application.admin.AdminAccess;
import dev.portcullis.oauth.application.admin.AdminApi;
import dev.portcullis.oauth.application.admin.ManageClients;
import dev.portcullis.oauth.application.admin.ManageKeys;
import dev.portcullis.oauth.application.admin.ManageScopes;
import dev.portcullis.oauth.application.admin.ManageUsers;
import dev.portcullis.oauth.application.admin.RevokeTokens;
import dev.portcullis.oauth.application.authorization.AuthorizationFlow;
import dev.portcullis.oauth.application.authorization.Authorize;
import dev.portcullis.oauth.application.authorization.BrowserFlow;
import dev.portcullis.oauth.application.authorization.GiveConsent;
import dev.portcullis.oauth.application.authorization.SignIn;
import dev.portcullis.oauth.application.change.CacheEviction;
import dev.portcullis.oauth.application.client.CachingClientRepository;
import dev.portcullis.oauth.application.client.ClientAssertionVerifier;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.ClientJwkSets;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.discovery.DescribeServer;
import dev.portcullis.oauth.application.discovery.PublishKeys;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.IssueToken;
import dev.portcullis.oauth.application.grant.builtin.AuthorizationCodeGrantHandler;
import dev.portcullis.oauth.application.grant.builtin.ClientCredentialsGrantHandler;
import dev.portcullis.oauth.application.grant.builtin.RefreshTokenGrantHandler;
import dev.portcullis.oauth.application.introspection.IntrospectToken;
import dev.portcullis.oauth.application.introspection.TokenLookup;
import dev.portcullis.oauth.application.job.JobScheduler;
import dev.portcullis.oauth.application.job.JobSettings;
import dev.portcullis.oauth.application.job.PruneExpired;
import dev.portcullis.oauth.application.job.RecurringJob;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.application.key.ImportSigningKey;
import dev.portcullis.oauth.application.key.MaintainSigningKeys;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.key.RotateMasterKey;
import dev.portcullis.oauth.application.key.RotateSigningKeys;
import dev.portcullis.oauth.application.memory.InMemoryAssertionJtiRepository;
import dev.portcullis.oauth.application.logout.EndSession;
import dev.portcullis.oauth.application.key.NimbusTokenSigner;
import dev.portcullis.oauth.application.key.PrivateKeyCipher;
import dev.portcullis.oauth.application.key.ResealClientSecrets;
import dev.portcullis.oauth.application.key.SigningKeyGenerator;
import dev.portcullis.oauth.application.key.SigningKeyRing;
import dev.portcullis.oauth.application.memory.InMemoryResourceServerRepository;
import dev.portcullis.oauth.application.revocation.CachingRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.revocation.RevokeToken;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.RefreshTokenSuccessors;
import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.application.userinfo.AccessTokenValidator;
import dev.portcullis.oauth.application.userinfo.GetUserInfo;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.JobLock;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The protocol core, assembled from ports: what the REST adapter serves and what an embedding
 * service calls. Build it with {@link #builder(ServerSettings)}. Thread-safe once built.
 */
public final class AuthorizationServer {

    private final ServerSettings settings;
    private final IssueToken issueToken;
    private final DescribeServer describeServer;
    private final PublishKeys publishKeys;
    private final SigningKeyRing keyRing;
    private final SecretHasher secretHasher;
    private final Optional<BrowserFlow> browserFlow;
    private final Optional<GetUserInfo> getUserInfo;
    private final Optional<EndSession> endSession;
    private final Optional<AdminApi> adminApi;
    private final SigningKeyUseCases keys;
    private final AuthorizationServerBuilder parts;
    private final Optional<IntrospectToken> introspectToken;
    private final Optional<RevokeToken> revokeToken;
    private final DenyList denyList;

    private AuthorizationServer(AuthorizationServerBuilder builder, SigningKeyRing keyRing, GrantHandlerRegistry grants,
                                SecureRandom random, DenyList denyList) {
        this.settings = builder.settings();
        this.keyRing = keyRing;
        this.parts = builder;
        this.denyList = denyList;
        this.keys = new SigningKeyUseCases(keyRing, builder.keyRotation(), builder.clients(),
                settings.enabledSigningAlgorithms(), builder.clock(), builder.jobLock());
        this.secretHasher = builder.secretHasher().orElseGet(
                () -> new Pbkdf2SecretHasher(random, Pbkdf2SecretHasher.DEFAULT_ITERATIONS));
        SecureRandomTokenValueGenerator values = new SecureRandomTokenValueGenerator(random);
        NimbusTokenSigner signer = new NimbusTokenSigner(keyRing);
        ResourceIndicators resources = new ResourceIndicators(
                builder.resources().orElseGet(InMemoryResourceServerRepository::new), settings.accessTokenAudience(),
                builder.clock());
        // A token is minted inside its grant's unit of work: its event waits for the commit.
        AfterCommitEvents issued = new AfterCommitEvents(builder.events(), builder.unitOfWork());
        JwtAccessTokens minting = (builder.refreshTokens() == null
                ? new JwtAccessTokens(settings, signer, values, issued, builder.clock())
                : new JwtAccessTokens(settings, signer, values, issued, builder.clock(),
                        builder.refreshTokens())).withResources(resources);
        if (builder.opaqueAccessTokens().isPresent()) {
            minting = minting.withOpaqueTokens(builder.opaqueAccessTokens().get());
        }
        JwtAccessTokens accessTokens = builder.identityBackend() == null
                ? minting : minting.withClaimsFrom(builder.identityBackend());
        CachingClientRepository cachedClients =
                new CachingClientRepository(builder.clients(), builder.clock(), builder.clientCacheTtl(), 10_000);
        builder.changes().ifPresent(changes -> changes.subscribe(new CacheEviction(cachedClients, keyRing)));
        ClientAuthenticator authenticator = new ClientAuthenticator(cachedClients, secretHasher,
                new SecretVerificationCache(random, 10_000), Optional.of(assertionVerifier(builder, random)));
        this.issueToken = new IssueToken(authenticator, grants, accessTokens, new ScopePolicy(), builder.unitOfWork());
        this.publishKeys = new PublishKeys(keyRing);
        this.browserFlow = grants.find(GrantType.AUTHORIZATION_CODE).isPresent()
                ? Optional.of(browserFlow(builder, values, resources)) : Optional.empty();
        // OIDC Core §5.3: served wherever users sign in, which needs both of these.
        Optional<AccessTokenValidator> validator = denyList.repository().map(revoked ->
                new AccessTokenValidator(settings, keyRing, revoked, builder.opaqueAccessTokens(), builder.clock(),
                        builder.verifiedTokenCacheSize()));
        this.getUserInfo = builder.identityBackend() != null && validator.isPresent()
                ? Optional.of(new GetUserInfo(validator.get(), builder.identityBackend()))
                : Optional.empty();
        // RFC 7662 and RFC 7009: served wherever revoked access tokens can be recorded.
        Optional<TokenLookup> lookup = validator.map(checks ->
                new TokenLookup(checks, Optional.ofNullable(builder.refreshTokens())));
        this.introspectToken = lookup.map(tokens -> new IntrospectToken(authenticator, tokens, resources, settings,
                signer, builder.clock()));
        this.revokeToken = lookup.map(tokens -> new RevokeToken(authenticator, tokens, denyList.repository().get(),
                Optional.ofNullable(builder.refreshTokens()), builder.opaqueAccessTokens(), builder.clock(),
                builder.events(), builder.unitOfWork()));
        // OIDC RP-Initiated Logout 1.0: ends the browser sessions that the sign-in pages create.
        this.endSession = browserFlow.isPresent()
                ? Optional.of(new EndSession(settings, keyRing, builder.clients(), builder.browserSessions(), values))
                : Optional.empty();
        this.describeServer = new DescribeServer(settings, grants, builder.scopes(), getUserInfo.isPresent(),
                endSession.isPresent(), introspectToken.isPresent(), builder.clock());
        // Changes go through the token endpoint's client cache, so that this instance sees them at once.
        this.adminApi = builder.refreshTokens() != null && builder.consents() != null
                ? Optional.of(new AdminApi(new AdminAccess(authenticator),
                        new ManageClients(cachedClients, revokeTokens(builder, cachedClients, denyList), secretHasher, values,
                                builder.clientDefaults(), clientSecretCipher(builder, random), builder.events(),
                                builder.clock()),
                        new ManageScopes(builder.scopes(), builder.events(), builder.clock()),
                        new ManageUsers(builder.consents(), revokeTokens(builder, cachedClients, denyList), builder.events(),
                                builder.clock()),
                        new ManageKeys(builder.signingKeys(), keys.rotate(), keys.importKey(), builder.events(),
                                builder.clock())))
                : Optional.empty();
    }

    /** Seals client_secret_jwt secrets with the master key; during its rotation opens with the previous one too. */
    private static ClientSecretCipher clientSecretCipher(AuthorizationServerBuilder builder, SecureRandom random) {
        ClientSecretCipher cipher = new ClientSecretCipher(builder.masterKey(), random);
        return builder.previousMasterKey().map(cipher::openingAlsoWith).orElse(cipher);
    }

    // RFC 7523 §3 item 3, OIDC Core §9: the issuer, or an endpoint where clients authenticate.
    private static ClientAssertionVerifier assertionVerifier(AuthorizationServerBuilder builder, SecureRandom random) {
        ServerSettings settings = builder.settings();
        Set<String> audiences = Set.of(settings.issuer().toString(), settings.endpoint("/token").toString(),
                settings.endpoint("/introspect").toString(), settings.endpoint("/revoke").toString(),
                settings.endpoint("/par").toString());
        ClientJwkSets keys = new ClientJwkSets(builder.clientJwkSets(), builder.clock(), Duration.ofMinutes(5),
                Duration.ofSeconds(30), 10_000);
        AssertionJtiRepository jtis = builder.assertionJtis() != null
                ? builder.assertionJtis() : new InMemoryAssertionJtiRepository();
        return new ClientAssertionVerifier(audiences, keys,
                Optional.of(clientSecretCipher(builder, random)), jtis, builder.clock(),
                builder.clientAssertionMaxLifetime(), ClientAssertionVerifier.DEFAULT_CLOCK_SKEW);
    }

    // The browser pages exist exactly when the token endpoint can redeem their codes.
    private static BrowserFlow browserFlow(AuthorizationServerBuilder builder, SecureRandomTokenValueGenerator values,
                                           ResourceIndicators resources) {
        AuthorizationFlow flow = new AuthorizationFlow(builder.settings().issuer(), builder.clients(), builder.scopes(),
                Objects.requireNonNull(builder.consents(), "consents"),
                Objects.requireNonNull(builder.authorizationCodes(), "authorizationCodes"),
                Objects.requireNonNull(builder.browserSessions(), "browserSessions"),
                Objects.requireNonNull(builder.pendingAuthorizations(), "pendingAuthorizations"),
                values, builder.clock(), builder.browserSessionLifetime(), resources, builder.unitOfWork());
        return new BrowserFlow(new Authorize(flow),
                new SignIn(flow, Objects.requireNonNull(builder.identityBackend(), "identityBackend"), builder.loginLimits(),
                        builder.events()),
                new GiveConsent(flow, builder.events()));
    }

    /** Revokes what a grant produced, with whichever of the token stores the server has. */
    private static RevokeTokens revokeTokens(AuthorizationServerBuilder builder, ClientRepository clients,
                                             DenyList denyList) {
        return new RevokeTokens(builder.refreshTokens(), builder.opaqueAccessTokens(),
                grantRevocation(builder, denyList), clients, builder.clientDefaults());
    }

    private static GrantRevocation grantRevocation(AuthorizationServerBuilder builder, DenyList denyList) {
        return new GrantRevocation(Optional.ofNullable(builder.refreshTokens()), builder.opaqueAccessTokens(),
                denyList.repository(), builder.clock(), builder.unitOfWork());
    }

    /** A builder for a server whose issuer and algorithms are {@code settings}. */
    public static AuthorizationServerBuilder builder(ServerSettings settings) {
        return new AuthorizationServerBuilder(settings);
    }

    static AuthorizationServer build(AuthorizationServerBuilder builder) {
        SecureRandom random = builder.random();
        Clock clock = Objects.requireNonNull(builder.clock(), "clock");
        SigningKeyRepository keys = Objects.requireNonNull(builder.signingKeys(), "signingKeys");
        MasterKey masterKey = Objects.requireNonNull(builder.masterKey(), "masterKey");
        Objects.requireNonNull(builder.clients(), "clients");
        Objects.requireNonNull(builder.scopes(), "scopes");
        // Every revocation, the grants' too, goes through the copy, which announces it to the other instances.
        DenyList denyList = DenyList.of(builder);
        List<GrantHandler> handlers = new ArrayList<>();
        for (GrantType type : builder.enabledGrants()) {
            handlers.add(builtIn(type, builder, denyList));
        }
        handlers.addAll(builder.handlers());
        GrantHandlerRegistry grants = new GrantHandlerRegistry(handlers);
        if (grants.find(GrantType.AUTHORIZATION_CODE).isPresent()) {
            Objects.requireNonNull(builder.identityBackend(), "identityBackend");
            Objects.requireNonNull(builder.authorizationCodes(), "authorizationCodes");
            Objects.requireNonNull(builder.browserSessions(), "browserSessions");
            Objects.requireNonNull(builder.consents(), "consents");
            Objects.requireNonNull(builder.pendingAuthorizations(), "pendingAuthorizations");
            Objects.requireNonNull(builder.refreshTokens(), "refreshTokens");
            Objects.requireNonNull(builder.revokedAccessTokens(), "revokedAccessTokens");
        }
        PrivateKeyCipher cipher = builder.previousMasterKey()
                .map(new PrivateKeyCipher(masterKey, random)::decryptingAlsoWith)
                .orElseGet(() -> new PrivateKeyCipher(masterKey, random));
        SigningKeyRing ring = new SigningKeyRing(keys, cipher,
                new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(random), clock));
        if (builder.previousMasterKey().isPresent()) {
            // Another instance starting now may hold the lock and do it; either way both master keys decrypt.
            new RotateMasterKey(ring, builder.jobLock()).tryReencryptAll();
            new ResealClientSecrets(builder.clients(), clientSecretCipher(builder, random), builder.jobLock())
                    .tryResealAll();
        }
        ring.ensureCurrentKeys(builder.settings().enabledSigningAlgorithms());
        denyList.copy().ifPresent(CachingRevokedAccessTokenRepository::start);
        return new AuthorizationServer(builder, ring, grants, random, denyList);
    }

    private static GrantHandler builtIn(GrantType type, AuthorizationServerBuilder builder, DenyList denyList) {
        if (GrantType.CLIENT_CREDENTIALS.equals(type)) {
            return new ClientCredentialsGrantHandler();
        }
        if (GrantType.REFRESH_TOKEN.equals(type)) {
            return new RefreshTokenGrantHandler(Objects.requireNonNull(builder.refreshTokens(), "refreshTokens"),
                    new RefreshTokenSuccessors(builder.masterKey().derive(RefreshTokenSuccessors.KEY_PURPOSE)),
                    builder.clock(), builder.refreshTokenGracePeriod(), grantRevocation(builder, denyList));
        }
        if (GrantType.AUTHORIZATION_CODE.equals(type)) {
            return new AuthorizationCodeGrantHandler(
                    Objects.requireNonNull(builder.authorizationCodes(), "authorizationCodes"),
                    Objects.requireNonNull(builder.refreshTokens(), "refreshTokens"),
                    Objects.requireNonNull(denyList.repository().orElse(null), "revokedAccessTokens"),
                    builder.clock(), grantRevocation(builder, denyList));
        }
        throw new IllegalArgumentException("no built-in handler for grant type " + type + " yet");
    }

    /** The settings it was built with. */
    public ServerSettings settings() {
        return settings;
    }

    /** The token endpoint. */
    public IssueToken issueToken() {
        return issueToken;
    }

    /**
     * The authorization endpoint, login and consent pages; empty unless {@code authorization_code}
     * is served.
     */
    public Optional<BrowserFlow> browserFlow() {
        return browserFlow;
    }

    /** The UserInfo endpoint (OIDC Core §5.3); empty without an identity backend and a revoked-token deny list. */
    public Optional<GetUserInfo> getUserInfo() {
        return getUserInfo;
    }

    /** The end-session endpoint (OIDC RP-Initiated Logout 1.0); empty unless browser sessions exist. */
    public Optional<EndSession> endSession() {
        return endSession;
    }

    /**
     * The admin API; present when the server keeps refresh tokens and consents (a server with the
     * sign-in pages), so that a user's or a client's tokens can be revoked.
     */
    public Optional<AdminApi> adminApi() {
        return adminApi;
    }

    /** The introspection endpoint (RFC 7662); empty without a revoked-token deny list. */
    public Optional<IntrospectToken> introspectToken() {
        return introspectToken;
    }

    /** The revocation endpoint (RFC 7009); empty without a revoked-token deny list. */
    public Optional<RevokeToken> revokeToken() {
        return revokeToken;
    }

    /** The metadata endpoints. */
    public DescribeServer describeServer() {
        return describeServer;
    }

    /** The JWK set endpoint. */
    public PublishKeys publishKeys() {
        return publishKeys;
    }

    /** The signing keys; {@link SigningKeyRing#reload()} after keys change elsewhere. */
    public SigningKeyRing keyRing() {
        return keyRing;
    }

    /** Manual rotation of the signing key of an algorithm (the admin API and the command line). */
    public RotateSigningKeys rotateSigningKeys() {
        return keys.rotate();
    }

    /** The import of an existing private key, keeping its {@code kid}. */
    public ImportSigningKey importSigningKey() {
        return keys.importKey();
    }

    /** The scheduled step of the key lifecycle; {@link #recurringJobs} runs it. */
    public MaintainSigningKeys maintainSigningKeys() {
        return keys.maintain();
    }

    /**
     * The background jobs of this server, for a {@link JobScheduler}: key rotation (one instance at
     * a time), key refresh (every instance, so that it publishes and signs with what others changed),
     * and pruning of expired authorization codes, refresh tokens, browser sessions, revoked access
     * token rows, spent client assertion {@code jti}s, opaque access tokens and abandoned authorization
     * requests (one instance at a time), for the repositories it was built with.
     */
    public List<RecurringJob> recurringJobs(JobSettings jobs) {
        Objects.requireNonNull(jobs, "jobs");
        List<RecurringJob> list = new ArrayList<>();
        list.add(new RecurringJob("signing-key-rotation", jobs.keyRotationInterval(), keys.maintain()::run));
        list.add(RecurringJob.local("signing-key-refresh", jobs.keyRefreshInterval(), () -> {
            keyRing.reload();
            return 0;
        }));
        // The backstop for a revocation whose announcement was lost: as late as a key change at worst.
        denyList.copy().ifPresent(copy -> list.add(
                RecurringJob.local("revoked-access-token-refresh", jobs.keyRefreshInterval(), copy::reload)));
        JobLock lock = parts.jobLock();
        Clock clock = parts.clock();
        prune(list, "prune-authorization-codes", parts.authorizationCodes() == null ? null
                : parts.authorizationCodes()::deleteExpired, jobs, lock, clock);
        prune(list, "prune-refresh-tokens", parts.refreshTokens() == null ? null
                : parts.refreshTokens()::deleteExpired, jobs, lock, clock);
        prune(list, "prune-browser-sessions", parts.browserSessions() == null ? null
                : parts.browserSessions()::deleteExpired, jobs, lock, clock);
        prune(list, "prune-revoked-access-tokens", denyList.repository()
                .<PruneExpired.ExpiredRows>map(revoked -> revoked::deleteExpired).orElse(null), jobs, lock, clock);
        prune(list, "prune-client-assertion-jtis", parts.assertionJtis() == null ? null
                : parts.assertionJtis()::deleteExpired, jobs, lock, clock);
        prune(list, "prune-opaque-access-tokens", parts.opaqueAccessTokens()
                .<PruneExpired.ExpiredRows>map(tokens -> tokens::deleteExpired).orElse(null), jobs, lock, clock);
        prune(list, "prune-pending-authorizations", parts.pendingAuthorizations() == null ? null
                : parts.pendingAuthorizations()::deleteExpired, jobs, lock, clock);
        return List.copyOf(list);
    }

    private static void prune(List<RecurringJob> list, String name, PruneExpired.ExpiredRows rows, JobSettings jobs,
                              JobLock lock, Clock clock) {
        if (rows != null) {
            PruneExpired prune = new PruneExpired(rows, clock, jobs.pruneBatchSize(), jobs.pruneMaxBatches());
            list.add(RecurringJob.exclusive(name, jobs.pruneInterval(), lock, prune::run));
        }
    }

    /** The hasher of client secrets, for registering clients. */
    public SecretHasher secretHasher() {
        return secretHasher;
    }
}
