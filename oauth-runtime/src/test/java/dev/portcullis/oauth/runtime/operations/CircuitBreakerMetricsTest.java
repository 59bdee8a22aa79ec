package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CircuitBreakerMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void bindThenOneForTheCurrentStateZeroForTheOthersReadAtEachScrape() {
        AtomicReference<String> state = new AtomicReference<>("CLOSED");
        CircuitBreakerMetrics.bind(registry, "identity_backend", state::get);
        assertEquals(1.0, state("closed"));

        state.set("OPEN");

        assertEquals(0.0, state("closed"));
        assertEquals(1.0, state("open"));
        assertEquals(0.0, state("half_open"));
    }

    private double state(String name) {
        return registry.get("resilience4j.circuitbreaker.state").tag("name", "identity_backend").tag("state", name)
                .gauge().value();
    }
}
