package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import dev.portcullis.oauth.runtime.server.FreePorts;
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
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The external identity service is down (nothing listens at identity.url): the login page says
 * so with a 503, nothing is issued, and the token endpoint's other grants are unaffected.
 */
class IdentityServiceDownIT {

    private static final String SECRET = "portal-secret-0123456789";
    private static final URI REDIRECT = URI.create("https://portal.example.com/callback");

    @TempDir
    static Path dir;

    private static PortcullisServer server;
    private static URI issuer;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePorts.next();
        int nobodyListens = FreePorts.next();
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
                """.formatted(nobodyListens, SECRET, REDIRECT));
        RuntimeSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_HTTP_PORT", Integer.toString(port),
                "PORTCULLIS_ISSUER", "http://127.0.0.1:" + port,
                "PORTCULLIS_DB_URL", "jdbc:h2:mem:identity-down;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "PORTCULLIS_DATA_DIR", dir.resolve("data").toString())).load(config);
        server = PortcullisServer.start(settings, Clock.systemUTC(), List.of());
        issuer = settings.issuer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void loginWhenIdentityServiceDownThenUnavailablePageAndNoRedirect() throws Exception {
        FormBrowser browser = new FormBrowser();
        URI authorize = URI.create(issuer + "/authorize?response_type=code&client_id=portal&state=s"
                + "&code_challenge=" + "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" + "&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(REDIRECT.toString(), StandardCharsets.UTF_8));
        HttpResponse<String> login = browser.follow(browser.get(authorize), issuer);

        HttpResponse<String> refused = browser.post(login.uri().resolve("login"),
                FormBrowser.hiddenFields(login.body(), Map.of("username", "alice", "password", "whatever")));

        assertEquals(503, refused.statusCode());
        assertTrue(refused.body().contains("The sign-in service is unavailable. Please try again later."), refused.body());
        assertFalse(refused.headers().firstValue("Location").isPresent());
        assertFalse(refused.body().contains("Exception"));
    }

    @Test
    void clientCredentialsWhenIdentityServiceDownThenStillServed() throws Exception {
        String basic = Base64.getEncoder().encodeToString(("portal:" + SECRET).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(issuer + "/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
    }
}
