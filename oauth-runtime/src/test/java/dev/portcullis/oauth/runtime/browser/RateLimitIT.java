package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import dev.portcullis.oauth.runtime.server.FreePorts;
import dev.portcullis.oauth.runtime.server.PortcullisServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request rate limits on the real server (issue #6): the token endpoint per client_id answers 429
 * with {@code Retry-After} and an OAuth error body; the login page per username answers a 429 page.
 * The server's clock stands still, so no permit comes back during the test.
 */
class RateLimitIT {

    private static final String SECRET = "limited-secret-0123456789";
    private static final URI REDIRECT = URI.create("https://portal.example.com/callback");
    private static final String TOO_MANY = "{\"error\":\"temporarily_unavailable\",\"error_description\":"
            + "\"Too many requests for this client; retry after the time in the Retry-After header.\"}";

    @TempDir
    static Path dir;

    private static PortcullisServer server;
    private static URI issuer;

    @BeforeAll
    static void start() throws Exception {
        int port = FreePorts.next();
        Path config = Files.writeString(dir.resolve("portcullis.yaml"), """
                scopes:
                  - name: orders:read
                    description: Read your orders
                users:
                  - username: alice
                    password: alice-password-1
                clients:
                  - client_id: limited
                    client_secret: %1$s
                    grant_types: [authorization_code, client_credentials]
                    redirect_uris: ["%2$s"]
                    scope: orders:read
                  - client_id: other
                    client_secret: %1$s
                    grant_types: [client_credentials]
                    scope: orders:read
                """.formatted(SECRET, REDIRECT));
        RuntimeSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_HTTP_PORT", Integer.toString(port),
                "PORTCULLIS_ISSUER", "http://127.0.0.1:" + port,
                "PORTCULLIS_DB_URL", "jdbc:h2:mem:rate-limit;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "PORTCULLIS_DATA_DIR", dir.resolve("data").toString(),
                "PORTCULLIS_TOKEN_RATE_LIMIT", "2",
                "PORTCULLIS_LOGIN_RATE_LIMIT_USER", "2",
                "PORTCULLIS_LOGIN_RATE_LIMIT_ADDRESS", "100")).load(config);
        server = PortcullisServer.start(settings, Clock.fixed(Instant.now(), ZoneOffset.UTC), List.of());
        issuer = settings.issuer();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void tokenWhenClientOverItsLimitThen429WithRetryAfter() throws Exception { // RFC 6585 §4
        assertEquals(200, clientCredentials("limited").statusCode());
        assertEquals(200, clientCredentials("limited").statusCode());

        HttpResponse<String> limited = clientCredentials("limited");

        assertEquals(429, limited.statusCode());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("application/json;charset=UTF-8", limited.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", limited.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(TOO_MANY, limited.body());
        assertEquals(200, clientCredentials("other").statusCode(), "each client has its own bucket");
    }

    @Test
    void loginWhenUsernameOverItsLimitThen429PageWithRetryAfter() throws Exception { // RFC 6585 §4
        for (int i = 0; i < 2; i++) {
            assertEquals(200, login("alice", "wrong-password").statusCode());
        }

        HttpResponse<String> limited = login("Alice", "alice-password-1");

        assertEquals(429, limited.statusCode());
        assertEquals("30", limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(limited.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(limited.body().contains("Too many sign-in attempts. Please wait a moment and try again."),
                limited.body());
        assertEquals(200, login("bob", "whatever").statusCode(), "another username from the same address passes");
    }

    private static HttpResponse<String> login(String username, String password) throws Exception {
        return new FormBrowser().submitLogin(issuer, "limited", REDIRECT, username, password);
    }

    private static HttpResponse<String> clientCredentials(String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(issuer + "/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
