package dev.portcullis.oauth.adapters.rest;

import dev.portcullis.oauth.application.server.AuthorizationServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.jetty.JettyHttpContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Jersey on Jetty on a free loopback port, serving {@link PortcullisFeature} as the runtime and an
 * embedding host mount it, driven by {@link HttpClient}. For {@code *IT} tests.
 */
public final class TestHttpServer implements AutoCloseable {

    /** The form content type. */
    public static final String FORM = "application/x-www-form-urlencoded";

    static {
        // Jersey logs through java.util.logging.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Server jetty;
    private final URI base;

    private TestHttpServer(Server jetty, URI base) {
        this.jetty = jetty;
        this.base = base;
    }

    /** Starts a server for {@code server} on 127.0.0.1 and a free port. */
    public static TestHttpServer start(AuthorizationServer server) throws Exception {
        ResourceConfig config = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .register(new PortcullisFeature(server));
        Server jetty = JettyHttpContainerFactory.createServer(URI.create("http://127.0.0.1:0/"), config, false);
        // STACK-NOTES: the factory binds every interface whatever host the URI names.
        for (Connector connector : jetty.getConnectors()) {
            ((ServerConnector) connector).setHost("127.0.0.1");
            ((ServerConnector) connector).setPort(0);
        }
        jetty.start();
        int port = ((ServerConnector) jetty.getConnectors()[0]).getLocalPort();
        return new TestHttpServer(jetty, URI.create("http://127.0.0.1:" + port));
    }

    /** The absolute URI of {@code path}. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    /** A request to {@code path}, to add headers and a method to. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    /** POSTs {@code form} as {@code application/x-www-form-urlencoded}, with optional header name-value pairs. */
    public HttpResponse<String> postForm(String path, String form, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** GETs {@code path}. */
    public HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = request(path).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    /** Sends {@code request} and reads the body as UTF-8 text. */
    public HttpResponse<String> send(HttpRequest request) {
        try {
            try {
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException stale) {
                // The JDK client may pick a pooled connection that the server closed after its last
                // answer (e.g. a 413 with an unread body) and the request got no answer: send it again once.
                if (!String.valueOf(stale.getMessage()).contains("received no bytes")) {
                    throw stale;
                }
                return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new IllegalStateException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** An {@code Authorization: Basic} value of {@code id} and {@code secret}, already form-url-encoded. */
    public static String basic(String encodedId, String encodedSecret) {
        String pair = encodedId + ":" + encodedSecret;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping Jetty failed", e);
        }
    }
}
