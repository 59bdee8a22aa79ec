package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.runtime.server.TestDatabases;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The code flow over real HTTP against PostgreSQL, driven without a browser so that codes can be
 * raced: one code redeemed by many concurrent token requests is honoured once (RFC 6749 §4.1.2),
 * and the replay revokes what the first redemption issued.
 */
class CodeFlowOverHttpIT {

    private static final String SECRET = "racer-secret-0123456789";
    private static final String PASSWORD = "correct horse battery staple";
    private static final URI REDIRECT = URI.create("https://app.example.com/callback");

    @TempDir
    static Path dir;

    private static TestInstance instance;
    private static CodeFlowClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: orders:read
                    description: Read your orders
                users:
                  - username: alice
                    password: %s
                clients:
                  - client_id: racer
                    client_secret: %s
                    grant_types: [authorization_code, refresh_token]
                    redirect_uris: ["%s"]
                    scope: orders:read
                    first_party: true
                """.formatted(PASSWORD, SECRET, REDIRECT));
        client = new CodeFlowClient(instance.issuer(), "racer", SECRET, REDIRECT, "orders:read");
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void tokenWhenOneCodeRacedByEightRequestsThenExactlyOneSucceedsAndTheReplayRevokesItsRefreshToken()
            throws Exception { // RFC 6749 §4.1.2, RFC 9700 §4.14.2
        String verifier = "racer-verifier-" + "x".repeat(40);
        String code = signInForCode(verifier);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                Callable<HttpResponse<String>> redeem = () -> {
                    start.await();
                    return exchange(code, verifier);
                };
                results.add(pool.submit(redeem));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                responses.add(result.get(60, TimeUnit.SECONDS));
            }

            List<HttpResponse<String>> ok = responses.stream().filter(r -> r.statusCode() == 200).toList();
            assertEquals(1, ok.size(), () -> responses.stream().map(HttpResponse::body).toList().toString());
            for (HttpResponse<String> refused : responses.stream().filter(r -> r.statusCode() != 200).toList()) {
                assertEquals(400, refused.statusCode());
                assertEquals("{\"error\":\"invalid_grant\",\"error_description\":\"The authorization code is invalid or expired.\"}",
                        refused.body());
            }
            String refreshToken = json.readTree(ok.get(0).body()).get("refresh_token").asText();
            assertTrue(refreshTokenRevoked(refreshToken), "the replay must revoke the refresh token of the code");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokenWhenCodeRedeemedOnceThenAccessTokenNamesTheUser() throws Exception {
        String verifier = "single-verifier-" + "y".repeat(40);
        String code = signInForCode(verifier);

        HttpResponse<String> response = exchange(code, verifier);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = json.readTree(response.body());
        assertEquals("Bearer", body.get("token_type").asText());
        String payload = body.get("access_token").asText().split("\\.")[1];
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(payload));
        assertEquals("racer", claims.get("client_id").asText());
        assertTrue(claims.has("auth_time"));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void refreshWhenRacedByEightRequestsThenAllGetTheSameSuccessorAndTheFamilyStaysUsable() throws Exception { // RFC 9700 §4.14.2
        String verifier = "refresh-verifier-" + "z".repeat(40);
        JsonNode first = json.readTree(exchange(signInForCode(verifier), verifier).body());
        String refreshToken = first.get("refresh_token").asText();
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < racers; i++) {
                Callable<HttpResponse<String>> refresh = () -> {
                    start.await();
                    return refresh(refreshToken);
                };
                results.add(pool.submit(refresh));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> result : results) {
                responses.add(result.get(60, TimeUnit.SECONDS));
            }

            // Within the grace period every racer is answered, and all with the one successor: the
            // family never forks into two live refresh tokens.
            Set<String> successors = new HashSet<>();
            for (HttpResponse<String> response : responses) {
                assertEquals(200, response.statusCode(), response.body());
                successors.add(json.readTree(response.body()).get("refresh_token").asText());
            }
            assertEquals(1, successors.size(), successors::toString);
            String successor = successors.iterator().next();
            assertTrue(!successor.equals(refreshToken), "every use rotates the refresh token");
            HttpResponse<String> next = refresh(successor);
            assertEquals(200, next.statusCode(), "the successor is live: " + next.body());
            HttpResponse<String> stale = refresh(refreshToken);
            assertEquals(400, stale.statusCode(), "once the successor is used, the old token is refused");
            assertEquals("invalid_grant", json.readTree(stale.body()).get("error").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String signInForCode(String verifier) throws Exception {
        return client.signInForCode(verifier, "alice", PASSWORD);
    }

    private static HttpResponse<String> exchange(String code, String verifier) throws Exception {
        return client.exchange(code, verifier);
    }

    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        return client.refresh(refreshToken);
    }

    private static boolean refreshTokenRevoked(String refreshToken) throws Exception {
        try (Connection connection = DriverManager.getConnection(instance.databaseUrl(), TestDatabases.user(), "");
             PreparedStatement query = connection.prepareStatement("select revoked from refresh_token where token_hash = ?")) {
            query.setString(1, TokenHash.of(refreshToken));
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next(), "the refresh token is stored by its hash");
                return rows.getBoolean(1);
            }
        }
    }
}
