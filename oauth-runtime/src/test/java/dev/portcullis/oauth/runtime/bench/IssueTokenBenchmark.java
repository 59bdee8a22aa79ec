package dev.portcullis.oauth.runtime.bench;

import dev.portcullis.oauth.application.authorization.InMemoryPendingAuthorizationStore;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryAuthorizationCodeRepository;
import dev.portcullis.oauth.application.memory.InMemoryBrowserSessionRepository;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryConsentRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import dev.portcullis.oauth.runtime.config.CryptoProviderMode;
import dev.portcullis.oauth.runtime.config.CryptoSettings;
import dev.portcullis.oauth.runtime.crypto.CryptoProviders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The application's whole mint path without HTTP or database: {@code IssueToken.issue} (client
 * authentication with {@code client_secret_basic}, the grant handler, minting and storing) on the
 * in-memory repositories, for each grant the load benchmark drives over HTTP:
 * {@code client_credentials} with RS256 and with ES256 access tokens, {@code refresh_token}
 * (each thread rotates its own family) and {@code authorization_code} (PKCE S256; each call first
 * stores a fresh code in the in-memory repository, as {@code /authorize} would, then redeems it,
 * which also issues a refresh token). The first call pays the PBKDF2 check (600,000 iterations);
 * the secret verification cache makes every later one cheap, as in the server. {@code provider}
 * installs the JCA provider first as the runtime does at start ({@code crypto.provider}).
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class IssueTokenBenchmark {

    private static final URI ISSUER = URI.create("http://127.0.0.1:8080");
    private static final ClientId RS256_CLIENT = new ClientId("bench-client");
    private static final ClientId ES256_CLIENT = new ClientId("bench-es256");
    private static final ClientId WEB_CLIENT = new ClientId("bench-web");
    private static final ClientSecret SECRET = new ClientSecret("bench-secret-0123456789abcdef");
    private static final URI REDIRECT = URI.create("https://client.bench.invalid/callback");
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private AuthorizationServer server;
    private InMemoryAuthorizationCodeRepository codes;
    private CodeChallenge challenge;
    private final AtomicLong codeCounter = new AtomicLong();
    private final String codePrefix = "bench-code-" + Long.toHexString(new SecureRandom().nextLong()) + "-";
    private TokenEndpointRequest rs256;
    private TokenEndpointRequest es256;

    /** One refresh token family per thread: each call presents the newest token and keeps its successor. */
    @State(org.openjdk.jmh.annotations.Scope.Thread)
    public static class RefreshChain {
        private String current;

        @Setup
        public void startFamily(IssueTokenBenchmark benchmark) {
            current = benchmark.exchange(benchmark.newCode()).refreshToken().orElseThrow().value();
        }
    }

    /** Who signs: {@code accp} (the runtime's default where it loads) or {@code jdk}; one fork each. */
    @Param({"accp"})
    public String provider;

    @Setup
    public void buildServer() throws NoSuchAlgorithmException {
        new CryptoProviders().install(new CryptoSettings(switch (provider) {
            case "accp" -> CryptoProviderMode.NATIVE;
            case "jdk" -> CryptoProviderMode.JDK;
            default -> throw new IllegalArgumentException("provider must be jdk or accp");
        }, "provider"));
        SecureRandom random = new SecureRandom();
        InMemoryClientRepository clients = new InMemoryClientRepository();
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        scopes.save(new ScopeDefinition(new Scope("api:read"), "Read the API"));
        scopes.save(new ScopeDefinition(new Scope("api:write"), "Write the API"));
        codes = new InMemoryAuthorizationCodeRepository();
        Clock clock = Clock.systemUTC();
        server = AuthorizationServer.builder(new ServerSettings(ISSUER, ISSUER.toString(), SigningAlgorithm.RS256,
                        EnumSet.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256)))
                .clients(clients).scopes(scopes)
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(clock).random(random)
                .identityBackend(new NoUsers())
                .authorizationCodes(codes)
                .refreshTokens(new InMemoryRefreshTokenRepository())
                .revokedAccessTokens(new InMemoryRevokedAccessTokenRepository())
                .browserSessions(new InMemoryBrowserSessionRepository())
                .consents(new InMemoryConsentRepository())
                .pendingAuthorizations(new InMemoryPendingAuthorizationStore(clock, 10_000))
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .enableGrant(GrantType.AUTHORIZATION_CODE)
                .enableGrant(GrantType.REFRESH_TOKEN)
                .build();
        ScopeSet apiScopes = ScopeSet.of("api:read", "api:write");
        clients.save(Client.builder(RS256_CLIENT).secret(server.secretHasher().hash(SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).scopes(apiScopes).build());
        clients.save(Client.builder(ES256_CLIENT).secret(server.secretHasher().hash(SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).scopes(apiScopes)
                .accessTokenSigningAlgorithm(SigningAlgorithm.ES256).build());
        clients.save(Client.builder(WEB_CLIENT).secret(server.secretHasher().hash(SECRET))
                .grantTypes(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN).scopes(apiScopes)
                .redirectUris(List.of(REDIRECT)).firstParty(true)
                .accessTokenSigningAlgorithm(SigningAlgorithm.ES256).build());
        server.keyRing().ensureCurrentKeys(Set.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256));
        challenge = new CodeChallenge(CodeChallengeMethod.S256, Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII))));
        rs256 = basic(RS256_CLIENT, Map.of("grant_type", "client_credentials", "scope", "api:read"));
        es256 = basic(ES256_CLIENT, Map.of("grant_type", "client_credentials", "scope", "api:read"));
    }

    @Benchmark
    public TokenResponse clientCredentials() {
        return server.issueToken().issue(rs256);
    }

    @Benchmark
    public TokenResponse clientCredentialsEs256() {
        return server.issueToken().issue(es256);
    }

    @Benchmark
    public TokenResponse refreshToken(RefreshChain chain) {
        TokenResponse response = server.issueToken().issue(basic(WEB_CLIENT,
                Map.of("grant_type", "refresh_token", "refresh_token", chain.current)));
        chain.current = response.refreshToken().orElseThrow().value();
        return response;
    }

    @Benchmark
    public TokenResponse authorizationCode() {
        return exchange(newCode());
    }

    /** Stores a code for the web client, as {@code /authorize} does after sign-in, and returns its value. */
    String newCode() {
        String value = codePrefix + codeCounter.incrementAndGet();
        Instant now = Instant.now();
        codes.save(new AuthorizationCode(TokenHash.of(value), WEB_CLIENT, REDIRECT, ScopeSet.of("api:read"),
                new Subject("bench-user"), now, Optional.of(challenge), Optional.empty(), Optional.empty(),
                "grant-" + value, now, now.plusSeconds(60)));
        return value;
    }

    TokenResponse exchange(String code) {
        return server.issueToken().issue(basic(WEB_CLIENT, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT.toString(), "code_verifier", VERIFIER)));
    }

    private static TokenEndpointRequest basic(ClientId client, Map<String, String> parameters) {
        return new TokenEndpointRequest(parameters, Optional.of(new ClientCredentials.SecretBasic(client, SECRET)));
    }

    /** The code flow's sign-in is not measured here: no user signs in, and no claims are asked for. */
    private static final class NoUsers implements IdentityBackend {
        @Override
        public Optional<UserClaims> verifyPassword(Username username, Password password) {
            return Optional.empty();
        }

        @Override
        public Optional<UserClaims> claims(Subject subject) {
            return Optional.of(new UserClaims(subject, Map.of()));
        }
    }
}
