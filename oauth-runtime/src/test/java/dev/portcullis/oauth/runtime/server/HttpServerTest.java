package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Feature;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpServerTest {

    /** One resource, to show the server serves with the pool it was given. */
    @Path("ping")
    public static final class Ping {
        @GET
        public String ping() {
            return "pong";
        }
    }

    @Test
    void createWhenMaxThreadsConfiguredThenThePoolHasThatManyAndServes() throws Exception {
        RuntimeSettings settings = new SettingsLoader(Map.of("PORTCULLIS_HTTP_PORT", "0",
                "PORTCULLIS_HTTP_MAX_THREADS", "16")).load();
        Feature endpoints = context -> {
            context.register(new Ping());
            return true;
        };

        try (HttpServer server = HttpServer.create(settings, endpoints)) {
            server.start();

            assertEquals(16, server.maxThreads());
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ping")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("pong", response.body());
        }
    }

    @Test
    void createWhenMaxThreadsNotConfiguredThenJettysDefault() {
        RuntimeSettings settings = new SettingsLoader(Map.of("PORTCULLIS_HTTP_PORT", "0")).load();

        try (HttpServer server = HttpServer.create(settings, context -> true)) {
            assertEquals(RuntimeSettings.DEFAULT_HTTP_THREADS, server.maxThreads());
        }
    }
}
