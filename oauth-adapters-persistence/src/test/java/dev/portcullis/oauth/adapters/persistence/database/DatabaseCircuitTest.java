package dev.portcullis.oauth.adapters.persistence.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DatabaseCircuitTest {

    private static final DatabaseResilience SETTINGS = new DatabaseResilience(Duration.ofSeconds(5), 50, 4,
            Duration.ofSeconds(30), 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final DatabaseCircuit circuit = new DatabaseCircuit(SETTINGS, clock);
    private final AtomicInteger attempts = new AtomicInteger();

    private final Supplier<String> outage = () -> {
        attempts.incrementAndGet();
        throw new ServiceUnavailableException("database", new IllegalStateException("connection refused"));
    };

    @Test
    void callWhenDatabaseWorksThenResultAndClosed() {
        String result = circuit.call(() -> "row");

        assertEquals("row", result);
        assertEquals("CLOSED", circuit.state());
    }

    @Test
    void callWhenOutagesFillTheWindowThenOpenAndWorkNotRun() {
        failTimes(4);

        ServiceUnavailableException refused = assertThrows(ServiceUnavailableException.class,
                () -> circuit.call(outage));

        assertEquals("OPEN", circuit.state());
        assertEquals(4, attempts.get(), "an open circuit refuses without touching the database");
        assertInstanceOf(CallNotPermittedException.class, refused.getCause());
        assertEquals("database unavailable", refused.getMessage());
    }

    @Test
    void callWhenCallerMistakesFillTheWindowThenStaysClosed() {
        for (int i = 0; i < 8; i++) {
            assertThrows(DuplicateKeyException.class, () -> circuit.call(() -> {
                throw new DuplicateKeyException("pk", new IllegalStateException("duplicate"));
            }));
            assertThrows(IllegalArgumentException.class, () -> circuit.call(() -> {
                throw new IllegalArgumentException("too long");
            }));
        }

        assertEquals("CLOSED", circuit.state());
    }

    @Test
    void callWhenOpenWaitPassedAndProbeSucceedsThenClosedAgain() {
        failTimes(4);
        clock.advance(Duration.ofSeconds(31));

        String result = circuit.call(() -> "back");

        assertEquals("back", result);
        assertEquals("CLOSED", circuit.state());
    }

    @Test
    void callWhenOpenWaitPassedAndProbeFailsThenOpenAgain() {
        failTimes(4);
        clock.advance(Duration.ofSeconds(31));

        assertThrows(ServiceUnavailableException.class, () -> circuit.call(outage));

        assertEquals("OPEN", circuit.state());
        assertEquals(5, attempts.get());
    }

    @Test
    void callWhenOpenWaitNotYetPassedThenStillRefused() {
        failTimes(4);
        clock.advance(Duration.ofSeconds(29));

        assertThrows(ServiceUnavailableException.class, () -> circuit.call(() -> "not run"));

        assertEquals("OPEN", circuit.state());
    }

    private void failTimes(int times) {
        for (int i = 0; i < times; i++) {
            assertThrows(ServiceUnavailableException.class, () -> circuit.call(outage));
        }
    }
}
