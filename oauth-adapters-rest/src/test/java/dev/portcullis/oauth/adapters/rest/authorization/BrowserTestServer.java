package dev.portcullis.oauth.adapters.rest.authorization;

import dev.portcullis.oauth.adapters.rest.PortcullisFeature;
import dev.portcullis.oauth.adapters.rest.login.ClientAddressResolver;
import dev.portcullis.oauth.application.authorization.InMemoryPendingAuthorizationStore;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryAuthorizationCodeRepository;
import dev.portcullis.oauth.application.memory.InMemoryBrowserSessionRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryConsentRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.IdentityBackend;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.Password;
import dev.portcullis.oauth.domain.user.Subject;
import dev.portcullis.oauth.domain.user.UserClaims;
import dev.portcullis.oauth.domain.user.Username;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The browser flow over real HTTP: an {@link AuthorizationServer} with authorization_code served
 * (a stub token handler: the code exchange is another class's concern), in-memory stores, the user
 * {@link #USERNAME}/{@link #PASSWORD}, and these clients, all redirecting to {@link #REDIRECT_URI}:
 * {@code web} (confidential, scopes openid read write), {@code spa} (public), {@code first}
 * (first-party), {@code evil} (named {@code <script>alert(1)</script>}). Jersey on Jetty on a free
 * loopback port; the client address comes from Jetty's connection, as the runtime does it.
 */
final class BrowserTestServer implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String USERNAME = "alice";
    static final String PASSWORD = "correct horse battery staple";
    static final String REDIRECT_URI = TestClients.REDIRECT_URI.toString();
    static final String EVIL_NAME = "<script>alert(1)</script>";
    /** BASE64URL(SHA256("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")), RFC 7636 Appendix B. */
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    static {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    final AtomicBoolean identityDown = new AtomicBoolean();
    final InMemoryAuthorizationCodeRepository codes = new InMemoryAuthorizationCodeRepository();
    final InMemoryConsentRepository consents = new InMemoryConsentRepository();
    private final Server jetty;
    private final URI base;

    private BrowserTestServer(String issuer, Optional<Path> theme) throws Exception {
        AuthorizationServer server = server(issuer);
        PortcullisFeature.Builder feature = PortcullisFeature.builder(server).clientAddress(ClientAddressResolver.fromProperty());
        theme.ifPresent(feature::themeDirectory);
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new ConnectionAddressFilter())
                .register(feature.build());
        jetty = JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config, false);
        for (Connector connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
            ((ServerConnector) connector).setPort(0);
        }
        jetty.start();
        base = URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
    }

    /** A server whose issuer is {@code http://127.0.0.1}: its cookie is not Secure, so the test client sends it over http. */
    static BrowserTestServer start() throws Exception {
        return new BrowserTestServer("http://127.0.0.1", Optional.empty());
    }

    static BrowserTestServer start(String issuer) throws Exception {
        return new BrowserTestServer(issuer, Optional.empty());
    }

    static BrowserTestServer themed(Path theme) throws Exception {
        return new BrowserTestServer("http://127.0.0.1", Optional.of(theme));
    }

    private AuthorizationServer server(String issuer) {
        SecureRandom random = new SecureRandom();
        InMemoryClientRepository clients = new InMemoryClientRepository();
        ScopeSet scopes = ScopeSet.of("openid", "read", "write");
        clients.save(TestClients.confidential("web").name("Web App").scopes(scopes).build());
        clients.save(TestClients.publicClient("spa").name("Single Page App").scopes(scopes).build());
        clients.save(TestClients.confidential("first").name("First Party").firstParty(true).scopes(scopes).build());
        clients.save(TestClients.confidential("evil").name(EVIL_NAME).scopes(scopes).build());
        InMemoryScopeRepository definitions = new InMemoryScopeRepository();
        definitions.save(new ScopeDefinition(new Scope("openid"), "Sign you in"));
        definitions.save(new ScopeDefinition(new Scope("read"), "Read your <data> & files"));
        definitions.save(new ScopeDefinition(new Scope("write"), "Change your data"));
        return AuthorizationServer.builder(ServerSettings.of(URI.create(issuer)))
                .clients(clients)
                .scopes(definitions)
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(random)
                .secretHasher(new Pbkdf2SecretHasher(random, 1000))
                .identityBackend(new Identities())
                .authorizationCodes(codes)
                .browserSessions(new InMemoryBrowserSessionRepository())
                .consents(consents)
                .pendingAuthorizations(new InMemoryPendingAuthorizationStore(Clock.fixed(NOW, ZoneOffset.UTC), 10_000))
                .refreshTokens(new InMemoryRefreshTokenRepository())
                .revokedAccessTokens(new InMemoryRevokedAccessTokenRepository())
                .enableGrant(GrantType.AUTHORIZATION_CODE)
                .build();
    }

    /** A new browser: its own cookie jar, no automatic redirects. */
    static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A client without a cookie jar: it sends only the cookies a test names. */
    static HttpClient bareClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The value the response sets for the cookie {@code name}; empty when it sets none. */
    static Optional<String> setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(name + "="))
                .map(header -> header.substring(name.length() + 1).split(";", 2)[0])
                .findFirst();
    }

    URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    HttpResponse<String> get(HttpClient browser, String pathAndQuery) {
        return send(browser, HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** GETs an absolute or server-relative Location. */
    HttpResponse<String> follow(HttpClient browser, HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no Location; status " + redirect.statusCode() + " body " + redirect.body()));
        return send(browser, HttpRequest.newBuilder(base.resolve(location)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    HttpResponse<String> post(HttpClient browser, String path, String form) {
        return send(browser, HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
    }

    /** GETs with the {@code Cookie} header {@code cookies} (none when empty), for a {@link #bareClient()}. */
    HttpResponse<String> get(HttpClient client, String pathAndQuery, String cookies) {
        return send(client, withCookies(HttpRequest.newBuilder(uri(pathAndQuery)), cookies)
                .timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** POSTs a form with the {@code Cookie} header {@code cookies} (none when empty), for a {@link #bareClient()}. */
    HttpResponse<String> post(HttpClient client, String path, String form, String cookies) {
        return send(client, withCookies(HttpRequest.newBuilder(uri(path)), cookies).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
    }

    private static HttpRequest.Builder withCookies(HttpRequest.Builder request, String cookies) {
        return cookies.isEmpty() ? request : request.header("Cookie", cookies);
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty failed", e);
        }
    }

    /** What the runtime does: the address of the connection, from Jetty, never from a header. */
    @PreMatching
    public static final class ConnectionAddressFilter implements ContainerRequestFilter {
        @Context
        private jakarta.inject.Provider<Request> request;

        @Override
        public void filter(ContainerRequestContext context) {
            context.setProperty(ClientAddressResolver.PROPERTY, Request.getRemoteAddr(request.get()));
        }
    }

    private final class Identities implements IdentityBackend {
        @Override
        public Optional<UserClaims> verifyPassword(Username username, Password password) {
            if (identityDown.get()) {
                throw new ServiceUnavailableException("identity backend", new IOException("connection refused"));
            }
            return username.value().equals(USERNAME) && password.value().equals(PASSWORD)
                    ? Optional.of(new UserClaims(new Subject("user-1"), Map.of("name", "Alice"))) : Optional.empty();
        }

        @Override
        public Optional<UserClaims> claims(Subject subject) {
            return Optional.empty();
        }
    }
}
