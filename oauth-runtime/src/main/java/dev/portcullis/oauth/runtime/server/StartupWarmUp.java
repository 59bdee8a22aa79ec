package dev.portcullis.oauth.runtime.server;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.spi.ContainerResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and initializes the HTTP layer's classes on a second core while the main thread checks the
 * schema and starts Hibernate — Spring Boot's background pre-initializer, for this server's stack.
 *
 * <p>About half of a start is class loading and static initialization (some 14,000 classes), and
 * the steps that need the database must run one after another on the main thread. Jersey, HK2,
 * Jetty and Nimbus do not need the database: a throwaway Jersey application with one form→JSON
 * resource is built and serves one in-memory request, a Jetty server with the real connector's
 * classes is assembled (never started, no port bound), and an unsigned JWT and a JWK set are parsed. Whatever
 * it loads, the real server then finds loaded. Nothing it builds is kept; it touches no shared state
 * of the server, and a failure only loses the head start (logged at DEBUG).
 */
final class StartupWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);

    /** An unsigned JWT ({@code alg: none}) with a few claims: parsing loads Nimbus' JWT classes. */
    private static final String JWT = "eyJhbGciOiJub25lIn0.eyJpc3MiOiJodHRwczovL3dhcm0udXAiLCJzdWIiOiJ3YXJtLXVwIiwiZXhwIjoxfQ.";

    private StartupWarmUp() {
    }

    /** Starts the warm-up on a daemon thread; the future completes when it is over, successfully or not. */
    static CompletableFuture<Void> start() {
        // Never awaited: the server is correct without it, and joins nothing it built.
        return StartupTask.run("warm-up", () -> {
            long started = System.nanoTime();
            try {
                jersey();
                jetty();
                nimbus();
            } catch (RuntimeException | LinkageError e) {
                LOG.debug("start warm-up stopped early: {}", e.toString());
            }
            LOG.debug("start warm-up took {} ms", (System.nanoTime() - started) / 1_000_000);
            return null;
        });
    }

    /**
     * Builds the throwaway application and sends it one form POST.
     *
     * @return the response's status: 200 when the whole request path ran
     */
    static int jersey() {
        ResourceConfig config = new ResourceConfig(WarmUpResource.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        ApplicationHandler application = new ApplicationHandler(config);
        try {
            URI base = URI.create("http://127.0.0.1/");
            ContainerRequest request = new ContainerRequest(base, base.resolve("warm-up"), "POST", null,
                    new MapPropertiesDelegate(), application.getConfiguration());
            request.header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED);
            request.setEntityStream(new ByteArrayInputStream("grant_type=warm_up".getBytes(StandardCharsets.US_ASCII)));
            request.setWriter(new DiscardingWriter());
            return application.apply(request).get(10, TimeUnit.SECONDS).getStatus();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("start warm-up request failed: {}", e.toString());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            // HK2 keeps every service locator in a global registry until it is shut down.
            application.getInjectionManager().shutdown();
        }
    }

    private static void jetty() {
        Server server = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        server.addConnector(new ServerConnector(server, new HttpConnectionFactory(http)));
    }

    private static void nimbus() {
        try {
            JWTParser.parse(JWT).getJWTClaimsSet();
            JWKSet.parse("{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"w\","
                    + "\"x\":\"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU\","
                    + "\"y\":\"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0\"}]}");
        } catch (ParseException e) {
            LOG.debug("start warm-up: JWT or JWK set not parsed: {}", e.getMessage());
        }
        // The signed token classes the key ring and the endpoints use.
        SignedJWT.class.getName();
        JWSHeader.class.getName();
    }

    /** The one resource of the throwaway application: reads a form, answers JSON as the token endpoint does. */
    @Path("warm-up")
    public static final class WarmUpResource {

        /** Echoes the form's parameter names. */
        @POST
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        @Produces(JsonBody.MEDIA_TYPE)
        public Response post(InputStream body) throws java.io.IOException {
            String form = new String(body.readAllBytes(), StandardCharsets.US_ASCII);
            return Response.ok(JsonBody.of(Map.of("form", form))).header("Cache-Control", "no-store").build();
        }
    }

    /** Writes the warm-up response nowhere. */
    private static final class DiscardingWriter implements ContainerResponseWriter {

        @Override
        public OutputStream writeResponseStatusAndHeaders(long contentLength, ContainerResponse response) {
            return new ByteArrayOutputStream();
        }

        @Override
        public boolean suspend(long timeOut, TimeUnit timeUnit, TimeoutHandler timeoutHandler) {
            return false;
        }

        @Override
        public void setSuspendTimeout(long timeOut, TimeUnit timeUnit) {
            // Never suspended.
        }

        @Override
        public void commit() {
            // Nothing to flush.
        }

        @Override
        public void failure(Throwable error) {
            LOG.debug("start warm-up request failed: {}", error.toString());
        }

        @Override
        public boolean enableResponseBuffering() {
            return false;
        }
    }
}
