package dev.portcullis.oauth.adapters.rest.identity;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in identity service on 127.0.0.1 and a free port: each route ({@code "POST /authenticate"},
 * {@code "GET /users/..."} by prefix) answers as told, and every request is counted and kept.
 * {@link #close()} releases handlers that {@link #hang()}.
 */
final class FakeIdentityService implements AutoCloseable {

    /** How one request is answered. */
    @FunctionalInterface
    interface Answer {
        void write(HttpExchange exchange) throws IOException;
    }

    /** One request as received. */
    record Received(String route, Map<String, List<String>> headers, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);

    FakeIdentityService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The base URI to configure, with a path prefix as a real deployment would have. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/idp/");
    }

    /** Answers {@code route} (such as {@code "POST /authenticate"} or {@code "GET /users/"}) with {@code answer}. */
    FakeIdentityService on(String route, Answer answer) {
        answers.put(route, answer);
        return this;
    }

    /** How many requests matched {@code route}. */
    int hits(String route) {
        return hits.getOrDefault(route, new AtomicInteger()).get();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until a request is held by {@link #hang()}. */
    void awaitHanging() throws InterruptedException {
        if (!entered.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no request reached the hanging answer");
        }
    }

    /** Lets held requests go on (and be answered 200 with {@code body}). */
    void release() {
        release.countDown();
    }

    static Answer json(int status, String body) {
        return exchange -> write(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static Answer status(int status) {
        return exchange -> write(exchange, status, new byte[0]);
    }

    /** Holds the request until {@link #release()} or {@link #close()}, then answers with {@code then}. */
    Answer hang(Answer then) {
        return exchange -> {
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            then.write(exchange);
        };
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().substring("/idp".length());
        String route = exchange.getRequestMethod() + " " + path;
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(route, Map.copyOf(exchange.getRequestHeaders()), body));
        String key = answers.keySet().stream().filter(route::startsWith).findFirst().orElse(null);
        if (key == null) {
            write(exchange, 599, new byte[0]);
            return;
        }
        hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        answers.get(key).write(exchange);
    }

    private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
