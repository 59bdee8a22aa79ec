package dev.portcullis.oauth.adapters.rest.jwks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server standing in for a client's {@code jwks_uri}: serves what the test sets,
 * counts requests, and can answer with a status, an oversized body, or not at all (until closed).
 */
public final class JwksTestServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile String body = "{\"keys\":[]}";
    private volatile int status = 200;
    private volatile boolean hang;

    private JwksTestServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1 and a free port. */
    public static JwksTestServer start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        JwksTestServer jwks = new JwksTestServer(server);
        server.createContext("/", exchange -> {
            jwks.requests.incrementAndGet();
            if (jwks.hang) {
                try {
                    jwks.released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = jwks.body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(jwks.status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        return jwks;
    }

    /** The URI of {@code path} on this server. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** Serves {@code json} with status 200 from now on. */
    public void serve(String json) {
        this.body = json;
        this.status = 200;
    }

    /** Answers {@code code} from now on. */
    public void status(int code) {
        this.status = code;
    }

    /** Never answers, until {@link #close()}. */
    public void hang() {
        this.hang = true;
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
