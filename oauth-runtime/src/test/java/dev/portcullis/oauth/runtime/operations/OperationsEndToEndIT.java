package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on PostgreSQL: {@code /health/*} and {@code /metrics} as a load balancer and a
 * Prometheus scraper see them, after real token requests.
 */
class OperationsEndToEndIT {

    private static final String SECRET = "billing-secret-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: orders:read
                    description: Read orders
                clients:
                  - client_id: billing
                    client_secret: %s
                    grant_types: [client_credentials]
                    scope: orders:read
                """.formatted(SECRET));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void liveThenUpAsJsonAndNotCached() throws Exception {
        HttpResponse<String> response = get("/health/live");

        assertEquals(200, response.statusCode());
        assertEquals("application/json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow()
                .replace(" ", ""));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("{\"status\":\"UP\"}", response.body());
    }

    @Test
    void readyWhenDatabaseAnswersThenUpWithTheDatabaseCheckAndNoConnectionDetails() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertEquals(200, response.statusCode());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("{\"status\":\"UP\",\"checks\":{\"database\":{\"status\":\"UP\"}}}", response.body());
    }

    @Test
    void metricsAfterTokenRequestsThenCountersMovedAndEndpointsAreTemplates() throws Exception {
        Scrape before = scrape();

        assertEquals(200, token(SECRET).statusCode());
        assertEquals(200, token(SECRET).statusCode());
        assertEquals(401, token("wrong-secret-0123456789").statusCode());
        get("/admin/clients/some-client-id-in-the-path?access_token=query-value");
        get("/no/such/path?client_secret=query-value");
        Scrape after = scrape();

        assertEquals(2.0, delta(before, after, "portcullis_tokens_issued_total{grant_type=\"client_credentials\"}"));
        assertEquals(2.0, delta(before, after,
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/token\"}"));
        assertEquals(1.0, delta(before, after,
                "http_server_requests_seconds_count{method=\"POST\",outcome=\"CLIENT_ERROR\",status=\"401\",uri=\"/token\"}"));
        assertEquals(1.0, delta(before, after, "portcullis_oauth_errors_total{error=\"invalid_client\",uri=\"/token\"}"),
                after::text);
        assertTrue(after.find("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\","
                + "uri=\"/admin/clients/{id}\"}").isPresent(), after::text);
        assertTrue(after.find("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"404\","
                + "uri=\"UNMATCHED\"}").isPresent(), after::text);
        assertFalse(after.text().contains("some-client-id-in-the-path"), "raw paths never become labels");
        assertFalse(after.text().contains("query-value"), "queries never become labels");
        assertFalse(after.text().contains(SECRET));
    }

    @Test
    void metricsThenLatencyBucketsPoolJobsAndJvmAreThere() throws Exception {
        token(SECRET);

        HttpResponse<String> response = get("/metrics");
        Scrape scrape = new Scrape(response.body());

        assertEquals(200, response.statusCode());
        assertEquals("text/plain;charset=utf-8;version=0.0.4",
                response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertTrue(scrape.has("http_server_requests_seconds_bucket{method=\"POST\",outcome=\"SUCCESS\","
                + "status=\"200\",uri=\"/token\",le=\"0.025\"}"), scrape::text);
        assertTrue(scrape.find("hikaricp_connections_active{pool=\"portcullis-db\"}").isPresent(), scrape::text);
        assertTrue(scrape.find("hikaricp_connections_max{pool=\"portcullis-db\"}").isPresent(), scrape::text);
        assertTrue(scrape.find("portcullis_job_last_duration_seconds{job=").isPresent(), scrape::text);
        assertTrue(scrape.find("portcullis_job_last_outcome{job=").isPresent(), scrape::text);
        assertTrue(scrape.find("jvm_memory_used_bytes{").isPresent(), scrape::text);
        // Issue #6: the database circuit breaker's state, closed while the database answers.
        assertEquals(1.0, scrape.value("resilience4j_circuitbreaker_state{name=\"database\",state=\"closed\"}"),
                scrape::text);
        assertEquals(0.0, scrape.value("resilience4j_circuitbreaker_state{name=\"database\",state=\"open\"}"),
                scrape::text);
    }

    private static double delta(Scrape before, Scrape after, String series) {
        return after.value(series) - before.value(series);
    }

    private static Scrape scrape() throws Exception {
        return new Scrape(get("/metrics").body());
    }

    private static HttpResponse<String> token(String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("billing:" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance.issuer() + "/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=orders%3Aread"))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.issuer() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
