package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The load benchmark's baseline (bench/load.sh, issue #7): the server's own {@link HttpServer} —
 * the same Jetty connector, thread pool, Jersey configuration and graceful handler — serving one
 * trivial resource, {@code POST /trivial}, which reads the form body with the token endpoint's
 * {@link FormBodyReader} and answers a small JSON object written by {@link JsonBody} with the
 * token endpoint's headers. What the HTTP stack costs without OAuth, database or signing.
 * Compiled only in the Maven profile {@code bench}; stops on SIGTERM.
 *
 * <p>{@code java -cp … dev.portcullis.oauth.runtime.server.TrivialEndpointServer HOST PORT}
 */
public final class TrivialEndpointServer {

    private TrivialEndpointServer() {
    }

    /**
     * Serves until the JVM is told to stop.
     *
     * @param args the address and the port to bind
     * @throws InterruptedException when interrupted while serving
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: TrivialEndpointServer HOST PORT");
        }
        RuntimeSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_HTTP_HOST", args[0],
                "PORTCULLIS_HTTP_PORT", args[1],
                "PORTCULLIS_ISSUER", "http://" + args[0] + ":" + args[1])).load();
        Feature endpoints = context -> {
            context.register(new TrivialResource(new FormBodyReader(FormBodyReader.DEFAULT_MAX_BYTES)));
            return true;
        };
        HttpServer server = HttpServer.create(settings, endpoints);
        server.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "trivial-endpoint-stop"));
        stopped.await();
    }

    /** {@code POST /trivial}: a form in, a small JSON object out; {@code GET /trivial} for readiness. */
    @Path("trivial")
    public static final class TrivialResource {

        private final FormBodyReader forms;

        TrivialResource(FormBodyReader forms) {
            this.forms = forms;
        }

        /** Reads the form as the token endpoint does and echoes its {@code grant_type}. */
        @POST
        public Response post(@Context HttpHeaders headers, InputStream body) {
            Map<String, String> form = forms.read(headers, body);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ok", true);
            json.put("grant_type", form.getOrDefault("grant_type", ""));
            return answer(json);
        }

        /** Answers once the server serves: the load script polls it. */
        @GET
        public Response get() {
            return answer(Map.of("ok", true));
        }

        private static Response answer(Map<String, Object> json) {
            // The token endpoint's headers (RFC 6749 §5.1), so that the answers are the same shape.
            return Response.ok(JsonBody.of(json), JsonBody.JSON_UTF8)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        }
    }
}
