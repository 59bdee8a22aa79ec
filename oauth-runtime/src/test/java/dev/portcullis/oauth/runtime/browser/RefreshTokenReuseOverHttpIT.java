package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Refresh token reuse detection over real HTTP against PostgreSQL, with {@code tokens.refresh_token_grace: 0}:
 * a used refresh token presented again revokes its whole family, the successor included
 * (RFC 9700 §4.14.2).
 */
class RefreshTokenReuseOverHttpIT {

    private static final String SECRET = "reuser-secret-0123456789";
    private static final String PASSWORD = "correct horse battery staple";
    private static final URI REDIRECT = URI.create("https://app.example.com/callback");
    private static final String REFUSED =
            "{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid or expired.\"}";

    @TempDir
    static Path dir;

    private static TestInstance instance;
    private static CodeFlowClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        instance = TestInstance.onPostgres(dir, """
                tokens:
                  refresh_token_grace: 0
                scopes:
                  - name: orders:read
                    description: Read your orders
                users:
                  - username: alice
                    password: %s
                clients:
                  - client_id: reuser
                    client_secret: %s
                    grant_types: [authorization_code, refresh_token]
                    redirect_uris: ["%s"]
                    scope: orders:read
                    first_party: true
                """.formatted(PASSWORD, SECRET, REDIRECT));
        client = new CodeFlowClient(instance.issuer(), "reuser", SECRET, REDIRECT, "orders:read");
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void refreshWhenRotatedTokenPresentedAgainThenInvalidGrant() throws Exception { // RFC 9700 §4.14.2
        String original = signInForRefreshToken("reuse-verifier-" + "a".repeat(40));
        HttpResponse<String> rotated = client.refresh(original);
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertNotEquals(original, refreshToken(rotated), "every use rotates the refresh token");

        HttpResponse<String> reused = client.refresh(original);

        assertRefused(reused);
    }

    @Test
    void refreshWhenRotatedTokenReusedWithoutGraceThenSuccessorRevokedToo() throws Exception { // RFC 9700 §4.14.2
        String original = signInForRefreshToken("family-verifier-" + "b".repeat(40));
        HttpResponse<String> rotated = client.refresh(original);
        assertEquals(200, rotated.statusCode(), rotated.body());
        String successor = refreshToken(rotated);
        assertRefused(client.refresh(original));

        HttpResponse<String> afterReuse = client.refresh(successor);

        assertRefused(afterReuse);
    }

    private String signInForRefreshToken(String verifier) throws Exception {
        HttpResponse<String> issued = client.exchange(client.signInForCode(verifier, "alice", PASSWORD), verifier);
        assertEquals(200, issued.statusCode(), issued.body());
        return refreshToken(issued);
    }

    private String refreshToken(HttpResponse<String> response) throws Exception {
        JsonNode body = json.readTree(response.body());
        return body.get("refresh_token").asText();
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertEquals(400, response.statusCode());
        assertEquals("application/json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(REFUSED, response.body());
    }
}
