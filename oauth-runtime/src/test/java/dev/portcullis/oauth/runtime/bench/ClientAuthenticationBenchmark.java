package dev.portcullis.oauth.runtime.bench;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code client_secret_basic} (RFC 6749 §2.3.1) as the token endpoint checks it on every request:
 * {@link ClientAuthenticator} looks the client up and compares the presented secret with the
 * {@link SecretVerificationCache}, warm, so the PBKDF2 hash (600,000 iterations, as the server
 * stores secrets) ran once, in {@code @Setup}. What the hot path pays for authentication.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class ClientAuthenticationBenchmark {

    private static final ClientId CLIENT = new ClientId("bench-client");
    private static final ClientSecret SECRET = new ClientSecret("bench-secret-0123456789abcdef0123456789abcdef");

    private ClientAuthenticator authenticator;
    private ClientCredentials credentials;

    @Setup
    public void registerClient() {
        SecureRandom random = new SecureRandom();
        Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(random, Pbkdf2SecretHasher.DEFAULT_ITERATIONS);
        InMemoryClientRepository clients = new InMemoryClientRepository();
        clients.save(Client.builder(CLIENT).secret(hasher.hash(SECRET)).grantTypes(GrantType.CLIENT_CREDENTIALS).build());
        authenticator = new ClientAuthenticator(clients, hasher, new SecretVerificationCache(random, 10_000));
        credentials = new ClientCredentials.SecretBasic(CLIENT, SECRET);
        // The one slow check; every call measured after it is served by the cache.
        authenticator.authenticate(credentials);
    }

    @Benchmark
    public AuthenticatedClient clientSecretBasic() {
        return authenticator.authenticate(credentials);
    }
}
