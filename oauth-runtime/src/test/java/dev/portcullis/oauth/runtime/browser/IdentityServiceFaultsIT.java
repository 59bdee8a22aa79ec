package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import dev.portcullis.oauth.runtime.server.FreePorts;
import dev.portcullis.oauth.runtime.server.HangingServer;
import dev.portcullis.oauth.runtime.server.PortcullisServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity service hangs or fails (issue #6): sign-ins end cleanly on the 503 page (time
 * limiter, circuit breaker and a bulkhead of 25 calls bound the threads they hold), and the token
 * endpoint keeps answering while sign-ins are stuck, because it never waits for the identity
 * service: its threads come from the same Jetty pool, of which /login can hold at most the
 * bulkhead's share.
 */
class IdentityServiceFaultsIT {

    private static final String SECRET = "portal-secret-0123456789";
    private static final URI REDIRECT = URI.create("https://portal.example.com/callback");
    private static final String UNAVAILABLE_PAGE = "The sign-in service is unavailable. Please try again later.";
    private static final int LOGINS = 30;
    private static final int TOKEN_REQUESTS = 20;

    @TempDir
    static Path dir;

    private static HangingServer identity;
    private static PortcullisServer server;
    private static URI issuer;

    @BeforeAll
    static void start() throws Exception {
        identity = HangingServer.start(HangingServer.Behaviour.HANG, 64);
        int port = FreePorts.next();
        Path config = Files.writeString(dir.resolve("portcullis.yaml"), """
                identity:
                  url: http://127.0.0.1:%d/identity
                  timeout: 1
                scopes:
                  - name: orders:read
                    description: Read your orders
                clients:
                  - client_id: portal
                    client_secret: %s
                    grant_types: [authorization_code, client_credentials]
                    redirect_uris: ["%s"]
                    scope: orders:read
                """.formatted(identity.port(), SECRET, REDIRECT));
        RuntimeSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_HTTP_PORT", Integer.toString(port),
                "PORTCULLIS_ISSUER", "http://127.0.0.1:" + port,
                "PORTCULLIS_DB_URL", "jdbc:h2:mem:identity-faults;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "PORTCULLIS_DATA_DIR", dir.resolve("data").toString())).load(config);
        server = PortcullisServer.start(settings, Clock.systemUTC(), List.of());
        issuer = settings.issuer();
    }

    @AfterEach
    void hangAgain() {
        identity.behave(HangingServer.Behaviour.HANG);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (identity != null) {
            identity.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void loginWhenIdentityServiceHangsThenUnavailablePageAndTokenEndpointServes() throws Exception {
        List<FormLogin> logins = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            logins.add(FormLogin.open(issuer, REDIRECT));
        }
        ExecutorService pool = Executors.newFixedThreadPool(LOGINS);
        try {
            List<Future<HttpResponse<String>>> submitted = new ArrayList<>();
            for (int i = 0; i < LOGINS; i++) {
                FormLogin login = logins.get(i);
                String username = "user-" + i;
                submitted.add(pool.submit(() -> login.submit(username, "whatever")));
            }
            assertTrue(identity.awaitFirstConnection(30), "sign-ins reached the hanging identity service");

            for (int i = 0; i < TOKEN_REQUESTS; i++) {
                HttpResponse<String> token = clientCredentials();
                assertEquals(200, token.statusCode(), token.body());
            }

            for (Future<HttpResponse<String>> login : submitted) {
                assertUnavailablePage(login.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void loginWhenIdentityServiceAnswers500ThenUnavailablePage() throws Exception {
        identity.behave(HangingServer.Behaviour.FAIL);
        FormLogin login = FormLogin.open(issuer, REDIRECT);

        HttpResponse<String> refused = login.submit("alice", "whatever");

        assertUnavailablePage(refused);
        assertEquals(200, clientCredentials().statusCode());
    }

    private static void assertUnavailablePage(HttpResponse<String> refused) {
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains(UNAVAILABLE_PAGE), refused.body());
        assertFalse(refused.headers().firstValue("Location").isPresent());
        assertFalse(refused.body().contains("Exception"));
    }

    private static HttpResponse<String> clientCredentials() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("portal:" + SECRET).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(issuer + "/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One browser at the login form of its own authorization request. */
    private record FormLogin(FormBrowser browser, HttpResponse<String> form) {

        static FormLogin open(URI issuer, URI redirect) throws Exception {
            FormBrowser browser = new FormBrowser();
            URI authorize = URI.create(issuer + "/authorize?response_type=code&client_id=portal&state=s"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                    + "&redirect_uri=" + URLEncoder.encode(redirect.toString(), StandardCharsets.UTF_8));
            HttpResponse<String> form = browser.follow(browser.get(authorize), issuer);
            assertEquals(200, form.statusCode(), form.body());
            return new FormLogin(browser, form);
        }

        HttpResponse<String> submit(String username, String password) throws Exception {
            return browser.post(form.uri().resolve("login"),
                    FormBrowser.hiddenFields(form.body(), Map.of("username", username, "password", password)));
        }
    }
}
