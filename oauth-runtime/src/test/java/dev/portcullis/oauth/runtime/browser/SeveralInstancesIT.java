package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.job.JobRun;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #6: three server instances on loopback share one PostgreSQL database and one issuer, as
 * behind a load balancer. The client cache lives an hour and the key refresh job (which also
 * reloads the deny list) runs hourly, so that only the {@code LISTEN/NOTIFY} invalidation can
 * explain what one instance sees of another's change. Propagation is polled against a bounded deadline; nothing asserts on elapsed time.
 */
class SeveralInstancesIT {

    private static final String ADMIN_SECRET = "ops-admin-secret-0123456789";
    private static final String SECRET = "portal-secret-0123456789";
    private static final String API_SECRET = "orders-api-secret-0123456789";
    private static final String PASSWORD = "correct horse battery staple";
    private static final URI REDIRECT = URI.create("https://app.example.com/callback");
    private static final String ORDERS = "https://api.example.com/orders";
    /** How long a change may take to reach every instance before the test fails (not a measurement). */
    private static final Duration DEADLINE = Duration.ofSeconds(5);
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private static MutableClock clock;
    private static final List<TestInstance> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        Map<String, String> env = Map.of("PORTCULLIS_CLIENT_CACHE_TTL", "3600",
                "PORTCULLIS_JOBS_KEY_REFRESH_INTERVAL", "3600", "PORTCULLIS_KEY_PUBLICATION_LEAD", "4000",
                "PORTCULLIS_KEY_RETENTION_MARGIN", "3600");
        TestInstance first = TestInstance.onPostgres(dir, """
                scopes:
                  - name: orders:read
                  - name: admin
                users:
                  - username: alice
                    password: %1$s
                clients:
                  - client_id: ops
                    client_secret: %2$s
                    grant_types: [client_credentials]
                    scope: admin
                  - client_id: portal
                    client_secret: %3$s
                    grant_types: [authorization_code, refresh_token, client_credentials]
                    redirect_uris: ["%4$s"]
                    scope: orders:read
                    first_party: true
                  - client_id: orders-api
                    client_secret: %5$s
                resources:
                  - identifier: %6$s
                    scope: orders:read
                    introspection_clients: [orders-api]
                """.formatted(PASSWORD, ADMIN_SECRET, SECRET, REDIRECT, API_SECRET, ORDERS), clock, env);
        INSTANCES.add(first);
        INSTANCES.add(TestInstance.joining(first, dir, clock, env));
        INSTANCES.add(TestInstance.joining(first, dir, clock, env));
    }

    @AfterAll
    static void stop() {
        // The first instance owns the database: it stops last.
        for (int i = INSTANCES.size() - 1; i >= 0; i--) {
            INSTANCES.get(i).close();
        }
    }

    private static URI at(int instance, String path) {
        return URI.create(INSTANCES.get(instance).localUri() + path);
    }

    @Test
    void clientUpdatedThroughAdminApiOnOneInstanceThenTheOthersSeeIt() throws Exception {
        HttpResponse<String> created = admin(0, "POST", "/admin/clients", """
                {"client_id": "partner", "grant_types": ["client_credentials"], "scope": "orders:read"}""");
        assertEquals(201, created.statusCode(), created.body());
        String oldSecret = JSON.readTree(created.body()).get("client_secret").asText();
        // Instances 1 and 2 now hold the client in their hour-long cache.
        assertEquals(200, clientCredentials(1, "partner", oldSecret).statusCode());
        assertEquals(200, clientCredentials(2, "partner", oldSecret).statusCode());

        HttpResponse<String> rotated = admin(0, "POST", "/admin/clients/partner/secret", null);
        String newSecret = JSON.readTree(rotated.body()).get("client_secret").asText();

        for (int instance : List.of(1, 2)) {
            eventually("instance " + instance + " refuses the old secret",
                    () -> clientCredentials(instance, "partner", oldSecret).statusCode() == 401);
            assertEquals(200, clientCredentials(instance, "partner", newSecret).statusCode());
        }
        assertEquals(204, admin(0, "DELETE", "/admin/clients/partner", null).statusCode());
        for (int instance : List.of(1, 2)) {
            eventually("instance " + instance + " forgets the deleted client",
                    () -> clientCredentials(instance, "partner", newSecret).statusCode() == 401);
        }
    }

    @Test
    void tokenRevokedOnOneInstanceThenInactiveOnAll() throws Exception { // RFC 7009 §2.2, RFC 7662 §2.2
        String token = JSON.readTree(clientCredentials(0, "portal", SECRET).body()).get("access_token").asText();
        for (int instance = 0; instance < 3; instance++) {
            assertTrue(active(instance, token), "active on instance " + instance);
        }

        HttpResponse<String> revoked = post(at(1, "/revoke"), "portal", SECRET, "token=" + encode(token));

        assertEquals(200, revoked.statusCode(), revoked.body());
        // Each instance checks JWTs against its in-memory copy of the deny list: the revoking one
        // holds the entry before it answers; the others hear of it through LISTEN/NOTIFY and one
        // query, in milliseconds. A deliberate trade-off, the propagation delay RFC 7009 §2.2 allows
        // for ("some servers know about the invalidation while others do not"); until then RFC 7662
        // §2.2 introspection on those instances may still answer active. The key refresh interval
        // (an hour here) bounds the delay should a notification be lost.
        assertFalse(active(1, token), "inactive at once on the revoking instance");
        for (int instance : List.of(0, 2)) {
            eventually("instance " + instance + " answers inactive", () -> !active(instance, token));
        }
    }

    @Test
    void keyRotatedOnOneInstanceThenPublishedUsedAndVerifiedOnAll() throws Exception {
        String oldKid = kid(0);

        HttpResponse<String> scheduled = admin(0, "POST", "/admin/keys/rotate", "{\"alg\": \"RS256\"}");
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        String nextKid = JSON.readTree(scheduled.body()).get("kid").asText();
        for (int instance : List.of(1, 2)) {
            eventually("instance " + instance + " publishes the next key",
                    () -> jwks(instance).getKeyByKeyId(nextKid) != null);
        }
        clock.advance(Duration.ofSeconds(4000));
        JobRun run = INSTANCES.get(0).server().jobs().runOnce("signing-key-rotation");

        assertEquals(JobRun.Outcome.COMPLETED, run.outcome());
        for (int instance : List.of(1, 2)) {
            eventually("instance " + instance + " signs with the new key", () -> nextKid.equals(kid(instance)));
        }
        assertNotEquals(oldKid, nextKid);
        for (int signer = 0; signer < 3; signer++) {
            SignedJWT token = SignedJWT.parse(accessToken(signer));
            for (int verifier = 0; verifier < 3; verifier++) {
                JWK key = jwks(verifier).getKeyByKeyId(token.getHeader().getKeyID());
                assertTrue(key != null && token.verify(new RSASSAVerifier(key.toRSAKey())),
                        "a token of instance " + signer + " verifies with the JWKS of instance " + verifier);
            }
        }
    }

    @Test
    void codeRacedAcrossInstancesThenRedeemedOnce() throws Exception { // RFC 6749 §4.1.2
        String verifier = "several-verifier-" + "c".repeat(40);
        String code = codeFor(verifier);

        List<HttpResponse<String>> responses = race(9, i -> post(at(i % 3, "/token"), "portal", SECRET,
                "grant_type=authorization_code&code=" + encode(code) + "&redirect_uri=" + encode(REDIRECT.toString())
                        + "&code_verifier=" + verifier));

        List<HttpResponse<String>> ok = responses.stream().filter(r -> r.statusCode() == 200).toList();
        assertEquals(1, ok.size(), () -> responses.stream().map(HttpResponse::body).toList().toString());
        for (HttpResponse<String> refused : responses.stream().filter(r -> r.statusCode() != 200).toList()) {
            assertEquals(400, refused.statusCode());
            assertEquals("invalid_grant", JSON.readTree(refused.body()).get("error").asText());
        }
    }

    @Test
    void refreshTokenRacedAcrossInstancesThenOneSuccessor() throws Exception { // RFC 9700 §4.14.2
        String verifier = "several-refresh-" + "r".repeat(40);
        HttpResponse<String> issued = post(at(0, "/token"), "portal", SECRET, "grant_type=authorization_code&code="
                + encode(codeFor(verifier)) + "&redirect_uri=" + encode(REDIRECT.toString()) + "&code_verifier=" + verifier);
        String refreshToken = JSON.readTree(issued.body()).get("refresh_token").asText();

        List<HttpResponse<String>> responses = race(9, i -> post(at(i % 3, "/token"), "portal", SECRET,
                "grant_type=refresh_token&refresh_token=" + encode(refreshToken)));

        // Within the grace period every racer is answered with the one successor: the family never forks.
        Set<String> successors = new HashSet<>();
        for (HttpResponse<String> response : responses) {
            assertEquals(200, response.statusCode(), response.body());
            successors.add(JSON.readTree(response.body()).get("refresh_token").asText());
        }
        assertEquals(1, successors.size(), successors::toString);
        String successor = successors.iterator().next();
        assertEquals(200, post(at(2, "/token"), "portal", SECRET,
                "grant_type=refresh_token&refresh_token=" + encode(successor)).statusCode());
        HttpResponse<String> stale = post(at(1, "/token"), "portal", SECRET,
                "grant_type=refresh_token&refresh_token=" + encode(refreshToken));
        assertEquals(400, stale.statusCode(), "once the successor is used, the old token is refused");
    }

    @Test
    void loginStartedOnOneInstanceThenFinishesOnAnother() throws Exception {
        String verifier = "several-login-" + "l".repeat(40);
        FormBrowser browser = new FormBrowser();
        HttpResponse<String> loginPage = browser.follow(browser.get(authorize(0, verifier)), INSTANCES.get(0).localUri());
        assertEquals(200, loginPage.statusCode(), loginPage.body());

        // The form is posted to instance 1, which never saw the authorization request.
        HttpResponse<String> afterLogin = browser.post(at(1, "/login"),
                FormBrowser.hiddenFields(loginPage.body(), Map.of("username", "alice", "password", PASSWORD)));
        HttpResponse<String> landed = browser.follow(afterLogin, URI.create("http://127.0.0.1:"));
        String location = landed.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect to the client: " + landed.statusCode() + " " + landed.body()));
        HttpResponse<String> tokens = post(at(2, "/token"), "portal", SECRET, "grant_type=authorization_code&code="
                + encode(code(location)) + "&redirect_uri=" + encode(REDIRECT.toString()) + "&code_verifier=" + verifier);

        assertTrue(location.startsWith(REDIRECT.toString()), location);
        assertEquals(200, tokens.statusCode(), tokens.body());
    }

    // --- helpers ---

    private static URI authorize(int instance, String verifier) throws Exception {
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        return at(instance, "/authorize?response_type=code&client_id=portal&scope=orders%3Aread&state=s1"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&redirect_uri=" + encode(REDIRECT.toString()));
    }

    /** Signs alice in entirely on the first instance (the issuer) and returns the code. */
    private static String codeFor(String verifier) throws Exception {
        return new CodeFlowClient(INSTANCES.get(0).issuer(), "portal", SECRET, REDIRECT, "orders:read")
                .signInForCode(verifier, "alice", PASSWORD);
    }

    private static String code(String location) {
        Matcher matcher = CODE.matcher(location);
        assertTrue(matcher.find(), location);
        return URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> admin(int instance, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(at(instance, path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", basic("ops", ADMIN_SECRET))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> clientCredentials(int instance, String client, String secret) throws Exception {
        return post(at(instance, "/token"), client, secret, "grant_type=client_credentials&scope=orders%3Aread");
    }

    private static String accessToken(int instance) throws Exception {
        HttpResponse<String> response = clientCredentials(instance, "portal", SECRET);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static String kid(int instance) throws Exception {
        return SignedJWT.parse(accessToken(instance)).getHeader().getKeyID();
    }

    private static boolean active(int instance, String token) throws Exception {
        HttpResponse<String> response = post(at(instance, "/introspect"), "orders-api", API_SECRET,
                "token=" + encode(token));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        return body.get("active").asBoolean();
    }

    private static JWKSet jwks(int instance) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(at(instance, "/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return JWKSet.parse(response.body());
    }

    private static HttpResponse<String> post(URI uri, String client, String secret, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(client, secret))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String client, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A condition to poll. */
    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls {@code check} until it holds, failing after {@link #DEADLINE}. */
    private static void eventually(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!check.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** One racer's request; {@code index} runs from 0. */
    @FunctionalInterface
    private interface Racer {
        HttpResponse<String> send(int index) throws Exception;
    }

    private static List<HttpResponse<String>> race(int racers, Racer racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                int index = i;
                Callable<HttpResponse<String>> task = () -> {
                    start.await();
                    return racer.send(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
