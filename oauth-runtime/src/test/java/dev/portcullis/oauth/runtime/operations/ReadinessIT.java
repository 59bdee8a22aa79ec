package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.runtime.server.TestDatabases;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /health/ready} when the database goes away, and {@code /metrics} switched off. */
class ReadinessIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void readyWhenDatabaseDroppedThenDownWith503AndLiveStillUp() throws Exception {
        try (TestInstance instance = TestInstance.onPostgres(dir, "{}", Clock.systemUTC(), Map.of())) {
            assertEquals(200, get(instance, "/health/ready").statusCode());

            // Closes every connection of the pool and refuses new ones: the database is gone.
            TestDatabases.dropPostgres(instance.databaseUrl());
            HttpResponse<String> ready = get(instance, "/health/ready");

            assertEquals(503, ready.statusCode());
            assertEquals("no-store", ready.headers().firstValue("Cache-Control").orElseThrow());
            assertEquals("{\"status\":\"DOWN\",\"checks\":{\"database\":{\"status\":\"DOWN\"}}}", ready.body());
            assertEquals(200, get(instance, "/health/live").statusCode());
        }
    }

    @Test
    void metricsWhenDisabledThenNotFound() throws Exception {
        try (TestInstance instance = TestInstance.onPostgres(dir, "{}", Clock.systemUTC(),
                Map.of("PORTCULLIS_METRICS_ENABLED", "false"))) {

            HttpResponse<String> metrics = get(instance, "/metrics");

            assertEquals(404, metrics.statusCode());
            assertEquals(200, get(instance, "/health/ready").statusCode());
        }
    }

    private static HttpResponse<String> get(TestInstance instance, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(instance.issuer() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
