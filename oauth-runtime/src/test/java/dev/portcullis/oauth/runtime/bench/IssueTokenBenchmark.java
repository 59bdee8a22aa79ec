package dev.portcullis.oauth.runtime.bench;

import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The application's whole mint path without HTTP: {@code IssueToken.issue} for a
 * {@code client_credentials} request with {@code client_secret_basic} credentials, on the
 * in-memory repositories, RS256 by default. The first call pays the PBKDF2 check (600,000
 * iterations); the secret verification cache makes every later one cheap, as in the server.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class IssueTokenBenchmark {

    private static final ClientId CLIENT = new ClientId("bench-client");
    private static final ClientSecret SECRET = new ClientSecret("bench-secret-0123456789abcdef");

    private AuthorizationServer server;
    private TokenEndpointRequest request;

    @Setup
    public void buildServer() {
        SecureRandom random = new SecureRandom();
        InMemoryClientRepository clients = new InMemoryClientRepository();
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        scopes.save(new ScopeDefinition(new Scope("api:read"), "Read the API"));
        scopes.save(new ScopeDefinition(new Scope("api:write"), "Write the API"));
        server = AuthorizationServer.builder(ServerSettings.of(URI.create("http://127.0.0.1:8080")))
                .clients(clients).scopes(scopes)
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(Clock.systemUTC()).random(random)
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .build();
        clients.save(Client.builder(CLIENT).secret(server.secretHasher().hash(SECRET))
                .grantTypes(GrantType.CLIENT_CREDENTIALS).scopes(ScopeSet.of("api:read", "api:write")).build());
        request = new TokenEndpointRequest(Map.of("grant_type", "client_credentials", "scope", "api:read"),
                Optional.of(new ClientCredentials.SecretBasic(CLIENT, SECRET)));
    }

    @Benchmark
    public TokenResponse clientCredentials() {
        return server.issueToken().issue(request);
    }
}
