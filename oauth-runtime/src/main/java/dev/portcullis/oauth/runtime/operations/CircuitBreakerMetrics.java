package dev.portcullis.oauth.runtime.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A circuit breaker's state as Resilience4j's own Micrometer binding names it:
 * {@code resilience4j_circuitbreaker_state{name, state}}, 1 for the current state and 0 for the
 * others, read at scrape time from the adapter's state name ({@code CLOSED}, {@code OPEN}, ...).
 */
public final class CircuitBreakerMetrics {

    private static final List<String> STATES =
            List.of("CLOSED", "OPEN", "HALF_OPEN", "DISABLED", "FORCED_OPEN", "METRICS_ONLY");

    private CircuitBreakerMetrics() {
    }

    /** Registers the state gauges of the circuit breaker {@code name}, whose state {@code state} reads. */
    public static void bind(MeterRegistry registry, String name, Supplier<String> state) {
        for (String candidate : STATES) {
            Gauge.builder("resilience4j.circuitbreaker.state", state, s -> candidate.equals(s.get()) ? 1.0 : 0.0)
                    .description("The states of the circuit breaker")
                    .tag("name", name)
                    .tag("state", candidate.toLowerCase(Locale.ROOT))
                    // The supplier may be a method reference held by nothing else: keep it from collection.
                    .strongReference(true)
                    .register(registry);
        }
    }
}
