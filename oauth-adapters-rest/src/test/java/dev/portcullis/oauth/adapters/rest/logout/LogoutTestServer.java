package dev.portcullis.oauth.adapters.rest.logout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.adapters.rest.PortcullisFeature;
import dev.portcullis.oauth.application.authorization.InMemoryPendingAuthorizationStore;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.TestClients;
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
import dev.portcullis.oauth.domain.grant.GrantType;
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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The end-session endpoint over real HTTP, next to the whole browser flow and token endpoint of
 * {@link PortcullisFeature}: the user {@code alice}, the public first-party client {@code spa} with
 * {@link #AFTER_LOGOUT} registered, and {@code web} with none.
 */
final class LogoutTestServer implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String AFTER_LOGOUT = "https://client.example.com/signed-out";
    static final String REDIRECT_URI = TestClients.REDIRECT_URI.toString();
    /** RFC 7636 Appendix B. */
    static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    final InMemoryBrowserSessionRepository sessions = new InMemoryBrowserSessionRepository();
    final AuthorizationServer server;
    private final Server jetty;
    private final URI base;

    LogoutTestServer(String issuer) throws Exception {
        SecureRandom random = new SecureRandom();
        InMemoryClientRepository clients = new InMemoryClientRepository();
        server = server(issuer, clients, random);
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

    private AuthorizationServer server(String issuer, InMemoryClientRepository clients, SecureRandom random) {
        ScopeSet scopes = ScopeSet.of("openid", "read");
        clients.save(TestClients.publicClient("spa").firstParty(true).scopes(scopes)
                .postLogoutRedirectUris(List.of(URI.create(AFTER_LOGOUT))).build());
        clients.save(TestClients.confidential("web").scopes(scopes).build());
        InMemoryScopeRepository definitions = new InMemoryScopeRepository();
        definitions.save(new ScopeDefinition(new Scope("openid"), "Sign you in"));
        definitions.save(new ScopeDefinition(new Scope("read"), "Read your data"));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return AuthorizationServer.builder(ServerSettings.of(URI.create(issuer)))
                .clients(clients)
                .scopes(definitions)
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(clock)
                .random(random)
                .secretHasher(new Pbkdf2SecretHasher(random, 1000))
                .identityBackend(new Identities())
                .authorizationCodes(new InMemoryAuthorizationCodeRepository())
                .browserSessions(sessions)
                .consents(new InMemoryConsentRepository())
                .pendingAuthorizations(new InMemoryPendingAuthorizationStore(clock, 10_000))
                .refreshTokens(new InMemoryRefreshTokenRepository())
                .revokedAccessTokens(new InMemoryRevokedAccessTokenRepository())
                .enableGrant(GrantType.AUTHORIZATION_CODE)
                .build();
    }

    /** A client without a cookie jar: it sends only the cookies a test names. */
    static HttpClient bareClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The session cookie value and the ID token of one sign-in of {@code alice} to {@code spa}. */
    record SignedIn(String sessionCookie, String idToken) {
    }

    /**
     * Runs the code flow with PKCE in a fresh browser: authorize, login, token. Cookies are sent by
     * hand, so that the Secure cookies of an https issuer travel over this plain-http test server too.
     */
    SignedIn signIn() {
        HttpClient browser = bareClient();
        HttpResponse<String> authorize = get(browser, "/authorize?response_type=code&client_id=spa"
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&scope=openid&state=s&nonce=n&code_challenge=" + CHALLENGE
                + "&code_challenge_method=S256", "");
        String flow = "portcullis_flow=" + setCookie(authorize, "portcullis_flow").orElseThrow();
        HttpResponse<String> login = get(browser, authorize.headers().firstValue("Location").orElseThrow(), flow);
        HttpResponse<String> signedIn = post(browser, "/login", "request=" + hidden(login.body(), "request")
                + "&csrf_token=" + hidden(login.body(), "csrf_token") + "&username=alice&password=secret", flow);
        String session = setCookie(signedIn, "portcullis_session").orElseThrow(() -> new AssertionError(signedIn.body()));
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(signedIn.headers().firstValue("Location").orElseThrow());
        assertTrue(code.find(), signedIn::body);
        HttpResponse<String> token = post(bareClient(), "/token", "grant_type=authorization_code&code=" + code.group(1)
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&client_id=spa&code_verifier=" + VERIFIER, "");
        assertEquals(200, token.statusCode(), token::body);
        Matcher idToken = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"").matcher(token.body());
        assertTrue(idToken.find(), token::body);
        return new SignedIn(session, idToken.group(1));
    }

    static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(matcher.find(), () -> "no field " + name + " in " + html);
        return matcher.group(1);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The whole {@code Set-Cookie} header the response sends for {@code name}; empty when none. */
    static Optional<String> setCookieHeader(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(header -> header.startsWith(name + "=")).findFirst();
    }

    static Optional<String> setCookie(HttpResponse<String> response, String name) {
        return setCookieHeader(response, name).map(header -> header.substring(name.length() + 1).split(";", 2)[0]);
    }

    HttpResponse<String> get(HttpClient client, String pathAndQuery, String cookies) {
        return send(client, withCookies(HttpRequest.newBuilder(base.resolve(pathAndQuery)), cookies).GET().build());
    }

    HttpResponse<String> post(HttpClient client, String path, String form, String cookies) {
        return send(client, withCookies(HttpRequest.newBuilder(base.resolve(path)), cookies)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8)).build());
    }

    private static HttpRequest.Builder withCookies(HttpRequest.Builder request, String cookies) {
        request.timeout(Duration.ofSeconds(10));
        return cookies.isEmpty() ? request : request.header("Cookie", cookies);
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery);
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty failed", e);
        }
    }

    private static final class Identities implements IdentityBackend {
        @Override
        public Optional<UserClaims> verifyPassword(Username username, Password password) {
            return username.value().equals("alice") && password.value().equals("secret")
                    ? Optional.of(new UserClaims(new Subject("user-1"), Map.of("name", "Alice"))) : Optional.empty();
        }

        @Override
        public Optional<UserClaims> claims(Subject subject) {
            return Optional.empty();
        }
    }
}
