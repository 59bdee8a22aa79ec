package dev.portcullis.oauth.adapters.rest.jwks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching a client's {@code jwks_uri} (RFC 7591 §2) through timeouts, a size limit and Resilience4j. */
class HttpJwkSetSourceIT {

    private static final String JWKS = "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"x\",\"y\":\"y\"}]}";

    private JwksTestServer server;
    private final HttpJwkSetSource source = new HttpJwkSetSource(Clock.systemUTC(), Duration.ofMillis(500), 1024);

    @BeforeEach
    void start() throws Exception {
        server = JwksTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fetchWhenServedThenDocument() {
        server.serve(JWKS);

        assertEquals(JWKS, source.fetch(server.uri("/jwks")));
    }

    @Test
    void fetchWhenStatusNot200ThenUncheckedIOExceptionAfterOneRetry() {
        server.status(500);

        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> source.fetch(server.uri("/jwks")));

        assertEquals("status 500", thrown.getMessage());
        assertEquals(2, server.requests());
    }

    @Test
    void fetchWhenBodyLargerThanLimitThenUncheckedIOException() {
        server.serve("{\"keys\":[],\"pad\":\"" + "x".repeat(2000) + "\"}");

        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> source.fetch(server.uri("/jwks")));

        assertEquals("response body longer than 1024 bytes", thrown.getMessage());
    }

    @Test
    void fetchWhenServerNeverAnswersThenTimesOut() {
        server.hang();

        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> source.fetch(server.uri("/jwks")));

        assertEquals("timed out after 500 ms", thrown.getMessage());
    }

    @Test
    void fetchWhenNothingListensThenUncheckedIOException() {
        java.net.URI closed = server.uri("/jwks");
        server.close();

        assertThrows(UncheckedIOException.class, () -> source.fetch(closed));
    }

    @Test
    void fetchWhenUriKeepsFailingThenCircuitOpensForThatUriOnly() {
        server.status(503);
        for (int i = 0; i < 2; i++) {
            assertThrows(UncheckedIOException.class, () -> source.fetch(server.uri("/failing")));
        }
        int before = server.requests();

        UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> source.fetch(server.uri("/failing")));
        server.serve(JWKS);
        String other = source.fetch(server.uri("/healthy"));

        assertEquals("circuit open after repeated failures", thrown.getMessage());
        assertEquals(before + 1, server.requests());
        assertEquals(JWKS, other);
    }
}
