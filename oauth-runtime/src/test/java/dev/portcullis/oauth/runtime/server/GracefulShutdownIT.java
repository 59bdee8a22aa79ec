package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Graceful shutdown: a request in flight when the server is told to stop still gets its answer,
 * and new connections are refused once it has stopped.
 */
class GracefulShutdownIT {

    private static final String SECRET = "slow-client-secret-0123";

    @TempDir
    Path dir;

    /** Holds its request until released, to keep it in flight across the stop. */
    static final class HeldGrantHandler implements GrantHandler {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public GrantType grantType() {
            return new GrantType("urn:example:grant:held");
        }

        @Override
        public Set<String> parameters() {
            return Set.of();
        }

        @Override
        public TokenResponse handle(GrantContext context) {
            entered.countDown();
            try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            return context.tokens().accessTokenOnly(AccessGrant.forClient(context.client().registration().id(),
                    context.client().registration().scopes()).via(grantType()));
        }
    }

    @Test
    void closeWhenRequestInFlightThenItCompletesAndNewConnectionsAreRefused() throws Exception {
        HeldGrantHandler held = new HeldGrantHandler();
        int port = FreePorts.next();
        Path config = Files.writeString(dir.resolve("c.yaml"), """
                clients:
                  - client_id: slow
                    client_secret: %s
                    grant_types: ["urn:example:grant:held"]
                """.formatted(SECRET));
        RuntimeSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_HTTP_PORT", Integer.toString(port),
                "PORTCULLIS_DB_URL", "jdbc:h2:mem:graceful;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "PORTCULLIS_DATA_DIR", dir.resolve("data").toString())).load(config);
        PortcullisServer server = PortcullisServer.start(settings, Clock.systemUTC(), List.of(held));
        HttpClient http = HttpClient.newHttpClient();
        URI token = URI.create("http://127.0.0.1:" + port + "/token");

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(tokenRequest(token),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(held.entered.await(30, TimeUnit.SECONDS), "the request never reached the handler");
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
        awaitListenerClosed(port);
        held.release.countDown();
        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        stopping.get(30, TimeUnit.SECONDS);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"access_token\""));
        IOException refused = assertThrows(IOException.class,
                () -> HttpClient.newHttpClient().send(tokenRequest(token), HttpResponse.BodyHandlers.ofString()));
        assertTrue(refused instanceof ConnectException || refused.getCause() instanceof ConnectException, refused.toString());
    }

    /** Stopping begins by closing the listener; only then is the held request released. */
    private static void awaitListenerClosed(int port) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (IOException closed) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        throw new AssertionError("the listener did not close within 30 s of close()");
    }

    private static HttpRequest tokenRequest(URI token) {
        String basic = Base64.getEncoder().encodeToString(("slow:" + SECRET).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(token)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=urn%3Aexample%3Agrant%3Aheld"))
                .build();
    }
}
