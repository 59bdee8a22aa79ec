package dev.portcullis.oauth.runtime.browser;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client's redirect URI: a page on loopback that the browser lands on with the code, and any
 * page of the client's own that a test puts at a path with {@link #page}.
 */
final class CallbackServer implements AutoCloseable {

    private static final String LANDED = "<html><body><p id=\"landed\">client callback</p></body></html>";

    private final HttpServer server;
    private final Map<String, String> pages;

    private CallbackServer(HttpServer server, Map<String, String> pages) {
        this.server = server;
        this.pages = pages;
    }

    static CallbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            Map<String, String> pages = new ConcurrentHashMap<>();
            server.createContext("/", exchange -> {
                String page = pages.getOrDefault(exchange.getRequestURI().getPath(), LANDED);
                byte[] body = page.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return new CallbackServer(server, pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code html} at {@code path} from now on. */
    void page(String path, String html) {
        pages.put(path, html);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
