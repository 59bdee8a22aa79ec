package dev.portcullis.oauth.adapters.rest.userinfo;

import dev.portcullis.oauth.adapters.rest.PortcullisFeature;
import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * {@link PortcullisFeature} plus {@link UserInfoResource} and {@link BearerTokenExceptionMapper}, as the
 * feature will mount them, on Jersey and Jetty on a free loopback port. The server mints user tokens
 * through {@link UserGrantHandler} for the client {@link #CLIENT}; the user {@code user-1} is Alice.
 */
final class UserInfoTestServer implements AutoCloseable {

    static final String ISSUER = "https://as.example.com";
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String CLIENT = "rp";
    static final String SECRET = "rp-secret";
    static final String USER = "user-1";

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryRevokedAccessTokenRepository revoked = new InMemoryRevokedAccessTokenRepository();
    final AtomicBoolean identityDown = new AtomicBoolean();
    private final Server jetty;
    private final URI base;

    UserInfoTestServer() throws Exception {
        AuthorizationServer server = server();
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new PortcullisFeature(server));
        jetty = JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config, false);
        for (Connector connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
            ((ServerConnector) connector).setPort(0);
        }
        jetty.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
    }

    private AuthorizationServer server() {
        SecureRandom random = new SecureRandom();
        Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(random, 1000);
        InMemoryClientRepository clients = new InMemoryClientRepository();
        clients.save(TestClients.confidential(CLIENT)
                .secret(hasher.hash(new ClientSecret(SECRET)))
                .grantTypes(UserGrantHandler.GRANT_TYPE)
                .scopes(ScopeSet.of("openid", "profile", "email", "read"))
                .build());
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        for (String scope : new String[] {"openid", "profile", "email", "read"}) {
            scopes.save(new ScopeDefinition(new Scope(scope), "The " + scope + " scope"));
        }
        return AuthorizationServer.builder(ServerSettings.of(URI.create(ISSUER)))
                .clients(clients)
                .scopes(scopes)
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(clock)
                .random(random)
                .secretHasher(hasher)
                .grantHandler(new UserGrantHandler(clock))
                // With both of these the feature serves /userinfo.
                .identityBackend(new Identities())
                .revokedAccessTokens(revoked)
                .build();
    }

    /** An access token for {@code subject} with {@code scope}, minted through {@code POST /token}. */
    String token(String subject, String scope) {
        HttpResponse<String> response = send(request("/token")
                .header("Content-Type", TestHttpServer.FORM)
                .header("Authorization", TestHttpServer.basic(CLIENT, SECRET))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=" + UserGrantHandler.GRANT_TYPE.value()
                        + "&subject=" + subject + "&scope=" + scope.replace(" ", "%20"))).build());
        if (response.statusCode() != 200) {
            throw new AssertionError("token request failed: " + response.body());
        }
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + "\"access_token\":\"".length();
        return body.substring(start, body.indexOf('"', start));
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(10));
    }

    HttpResponse<String> send(HttpRequest request) {
        return new Sender().send(request);
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty failed", e);
        }
    }

    /** Sends through a plain HTTP/1.1 client. */
    private static final class Sender {
        private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> send(HttpRequest request) {
            try {
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("request failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    private final class Identities implements IdentityBackend {
        @Override
        public Optional<UserClaims> verifyPassword(Username username, Password password) {
            return Optional.empty();
        }

        @Override
        public Optional<UserClaims> claims(Subject subject) {
            if (identityDown.get()) {
                throw new ServiceUnavailableException("identity backend", new IOException("connection refused"));
            }
            return subject.value().equals(USER)
                    ? Optional.of(new UserClaims(subject, Map.of("name", "Alice", "email", "alice@example.com",
                            "email_verified", true, "phone_number", "+1 555 0100")))
                    : Optional.empty();
        }
    }
}
