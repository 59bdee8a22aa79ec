package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.oauth.runtime.server.TcpProxy;
import dev.portcullis.oauth.runtime.server.TestDatabases;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under load and comes back (issue #6): the server runs on PostgreSQL
 * through a {@link TcpProxy} that cuts every connection. During the outage each token request is
 * answered 503 {@code temporarily_unavailable} and the database circuit opens, so later requests
 * are refused without waiting for the pool; nothing is half-written (a code exchanged or a refresh
 * token presented during the outage stays unspent); when the proxy forwards again, the server serves
 * again by itself, without a restart, and those very code and refresh token work.
 *
 * <p>The proxy also cuts one connection in the middle of a grant, between its writes: the grant's
 * one transaction then leaves nothing behind, and the same code or refresh token works, once,
 * afterwards. The server's driver prepares no statement on the server ({@code prepareThreshold=0}),
 * so every statement crosses the proxy as text the proxy can recognise.
 */
class DatabaseOutageIT {

    private static final String SECRET = "outage-secret-0123456789";
    private static final String PASSWORD = "outage-password-1";
    private static final URI REDIRECT = URI.create("https://app.example.com/callback");
    private static final String UNAVAILABLE = "{\"error\":\"temporarily_unavailable\","
            + "\"error_description\":\"The server is temporarily unable to handle the request.\"}";
    private static final String SPENT_CODES = "SELECT count(*) FROM authorization_code WHERE redeemed_at IS NOT NULL";
    private static final String USED_REFRESH_TOKENS = "SELECT count(*) FROM refresh_token WHERE used_at IS NOT NULL";
    private static final String REFRESH_TOKENS = "SELECT count(*) FROM refresh_token";
    /** The SQL text of the code grant's last write, recording its access token on the code (Hibernate's). */
    private static final String RECORD_ACCESS_TOKEN = "access_token_expires_at=";
    /** The SQL text of the refresh grant's last write, storing the successor (JpaRefreshTokenRepository's). */
    private static final String STORE_SUCCESSOR = "INSERT INTO refresh_token";
    private static final int THREADS = 4;
    private static final int REQUESTS_PER_THREAD = 10;

    @TempDir
    static Path dir;

    private static TcpProxy proxy;
    private static TestInstance instance;
    private static CodeFlowClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        URI direct = URI.create(TestDatabases.serverUrl());
        proxy = TcpProxy.start(direct.getHost(), direct.getPort(), 64);
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: orders:read
                    description: Read your orders
                users:
                  - username: alice
                    password: %s
                clients:
                  - client_id: outage
                    client_secret: %s
                    grant_types: [authorization_code, refresh_token]
                    redirect_uris: ["%s"]
                    scope: orders:read
                    first_party: true
                """.formatted(PASSWORD, SECRET, REDIRECT), Clock.systemUTC(),
                Map.of("PORTCULLIS_DB_CONNECTION_TIMEOUT", "1", "PORTCULLIS_DB_QUERY_TIMEOUT", "2",
                        "PORTCULLIS_DB_CIRCUIT_MINIMUM_CALLS", "4", "PORTCULLIS_DB_CIRCUIT_OPEN_WAIT", "1"),
                url -> url.replace(":" + direct.getPort() + "/", ":" + proxy.port() + "/") + "?prepareThreshold=0");
        client = new CodeFlowClient(instance.issuer(), "outage", SECRET, REDIRECT, "orders:read");
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void tokenEndpointWhenDatabaseCutThenFailsFastAndRecoversWithoutRestart() throws Exception {
        String refreshToken = refreshToken(client.exchange(client.signInForCode(verifier('a'), "alice", PASSWORD),
                verifier('a')));
        String code = client.signInForCode(verifier('b'), "alice", PASSWORD);
        assertTrue(proxy.forwardedConnections() > 0, "the server reaches PostgreSQL through the proxy");
        long spentCodes = count(SPENT_CODES);
        long usedRefreshTokens = count(USED_REFRESH_TOKENS);

        proxy.cut();
        List<HttpResponse<String>> duringOutage = load();
        HttpResponse<String> exchangeDuringOutage = client.exchange(code, verifier('b'));
        HttpResponse<String> refreshDuringOutage = client.refresh(refreshToken);

        for (HttpResponse<String> response : duringOutage) {
            assertUnavailable(response);
        }
        assertUnavailable(exchangeDuringOutage);
        assertUnavailable(refreshDuringOutage);
        assertEquals("OPEN", instance.server().databaseCircuit().state(),
                "the circuit refuses at once instead of waiting for the pool on every request");
        assertEquals(spentCodes, count(SPENT_CODES), "no code was spent during the outage");
        assertEquals(usedRefreshTokens, count(USED_REFRESH_TOKENS), "no refresh token was marked used during the outage");

        proxy.restore();
        HttpResponse<String> refreshed = untilServed(() -> client.refresh(refreshToken));
        HttpResponse<String> exchanged = client.exchange(code, verifier('b'));

        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertNotEquals(refreshToken, refreshToken(refreshed));
        assertEquals(200, exchanged.statusCode(), exchanged.body());
        assertEquals("CLOSED", instance.server().databaseCircuit().state());
        assertEquals(0, count("SELECT count(*) FROM refresh_token r WHERE r.used_at IS NOT NULL AND NOT EXISTS "
                + "(SELECT 1 FROM refresh_token s WHERE s.grant_id = r.grant_id AND s.token_hash <> r.token_hash "
                + "AND s.issued_at >= r.issued_at)"), "every used refresh token has its successor");
        assertEquals(0, count("SELECT count(*) FROM authorization_code WHERE redeemed_at IS NOT NULL "
                + "AND access_token_id IS NULL"), "every spent code has its token recorded");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void codeExchangeWhenConnectionLostBetweenItsWritesThenUnavailableCodeUnspentAndRedeemedOnceAfter()
            throws Exception { // RFC 6749 §4.1.2: single use, DESIGN.md "Errors and bad input"
        String code = client.signInForCode(verifier('c'), "alice", PASSWORD);
        long spentCodes = count(SPENT_CODES);
        long refreshTokens = count(REFRESH_TOKENS);
        // The grant's writes: the code redeemed, its refresh token stored, then its access token
        // recorded on the code; the connection is lost when that last UPDATE is about to be sent.
        int cuts = proxy.triggeredCuts();
        proxy.cutAtNext(RECORD_ACCESS_TOKEN);

        HttpResponse<String> cut = client.exchange(code, verifier('c'));

        assertUnavailable(cut);
        assertEquals(cuts + 1, proxy.triggeredCuts(), "the connection was lost between the grant's writes");
        assertEquals(spentCodes, count(SPENT_CODES), "the redemption rolled back: the code is not spent");
        assertEquals(refreshTokens, count(REFRESH_TOKENS), "no refresh token was stored");

        HttpResponse<String> exchanged = untilServed(() -> client.exchange(code, verifier('c')));
        HttpResponse<String> again = client.exchange(code, verifier('c'));

        assertEquals(200, exchanged.statusCode(), exchanged.body());
        assertEquals(400, again.statusCode(), again.body());
        assertEquals("invalid_grant", json.readTree(again.body()).get("error").asText(), "redeemed once");
        assertEquals(spentCodes + 1, count(SPENT_CODES));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void refreshWhenConnectionLostBetweenItsWritesThenUnavailableTokenUnusedAndRotatedOnceAfter()
            throws Exception { // RFC 9700 §4.14.2
        String refreshToken = refreshToken(client.exchange(client.signInForCode(verifier('d'), "alice", PASSWORD), verifier('d')));
        long usedRefreshTokens = count(USED_REFRESH_TOKENS);
        long refreshTokens = count(REFRESH_TOKENS);
        // The grant's writes: the presented token marked used, then its successor stored; the
        // connection is lost when that INSERT is about to be sent.
        int cuts = proxy.triggeredCuts();
        proxy.cutAtNext(STORE_SUCCESSOR);

        HttpResponse<String> cut = client.refresh(refreshToken);

        assertUnavailable(cut);
        assertEquals(cuts + 1, proxy.triggeredCuts(), "the connection was lost between the grant's writes");
        assertEquals(usedRefreshTokens, count(USED_REFRESH_TOKENS), "the mark rolled back: the token is unused");
        assertEquals(refreshTokens, count(REFRESH_TOKENS), "no successor was stored");

        HttpResponse<String> refreshed = untilServed(() -> client.refresh(refreshToken));
        String successor = refreshToken(refreshed);
        HttpResponse<String> next = client.refresh(successor);
        HttpResponse<String> stale = client.refresh(refreshToken);

        assertNotEquals(refreshToken, successor);
        assertEquals(usedRefreshTokens + 2, count(USED_REFRESH_TOKENS), "the token and its successor, each used once");
        assertEquals(refreshTokens + 2, count(REFRESH_TOKENS), "one successor each");
        assertEquals(200, next.statusCode(), next.body());
        assertEquals(400, stale.statusCode(), "once its successor is used, the old token is refused: " + stale.body());
    }

    /** A bounded load during the outage: a few threads, a fixed number of refresh requests each. */
    private List<HttpResponse<String>> load() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<HttpResponse<String>>>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    List<HttpResponse<String>> responses = new ArrayList<>();
                    for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                        responses.add(client.refresh("unknown-refresh-token-" + i));
                    }
                    return responses;
                }));
            }
            List<HttpResponse<String>> all = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> future : futures) {
                all.addAll(future.get(60, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Repeats {@code request} until it is not refused as unavailable: the circuit lets a probe
     * through after its open-state wait (one second here). Bounded to 100 tries, 100 ms apart.
     */
    private static HttpResponse<String> untilServed(Request request) throws Exception {
        HttpResponse<String> response = request.send();
        for (int attempt = 0; attempt < 100 && response.statusCode() == 503; attempt++) {
            Thread.sleep(100);
            response = request.send();
        }
        return response;
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertEquals(503, response.statusCode(), response.body());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals(UNAVAILABLE, response.body());
    }

    private String refreshToken(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body()).get("refresh_token").asText();
    }

    private static long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(instance.databaseUrl(), TestDatabases.user(), "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String verifier(char fill) {
        return "outage-verifier-" + String.valueOf(fill).repeat(40);
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> send() throws Exception;
    }
}
