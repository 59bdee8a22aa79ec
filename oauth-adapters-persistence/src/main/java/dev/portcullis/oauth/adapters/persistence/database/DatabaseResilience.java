package dev.portcullis.oauth.adapters.persistence.database;

import java.time.Duration;
import java.util.Objects;

/**
 * How repository calls are bounded when the database misbehaves: a timeout on every query, and a
 * circuit breaker that refuses calls at once while the database keeps failing, so an outage answers
 * in milliseconds instead of holding a thread per request until the pool's connection timeout.
 *
 * @param queryTimeout         the longest one query may run (JDBC {@code Statement#setQueryTimeout},
 *                             whole seconds, at least one)
 * @param failureRateThreshold the percentage (1 to 100) of failed calls in the window that opens the circuit
 * @param minimumCalls         calls the window must hold before the rate counts; also the window size
 * @param openStateWait        how long an open circuit refuses calls before it lets a few probe calls through
 * @param halfOpenCalls        the probe calls; their failure rate decides whether the circuit closes
 *                             or opens again
 */
public record DatabaseResilience(Duration queryTimeout, int failureRateThreshold, int minimumCalls,
                                 Duration openStateWait, int halfOpenCalls) {

    /**
     * Five-second queries; the circuit opens when half of the last ten calls failed, and probes the
     * database again after five seconds with three calls.
     */
    public static final DatabaseResilience DEFAULTS = new DatabaseResilience(Duration.ofSeconds(5), 50, 10,
            Duration.ofSeconds(5), 3);

    public DatabaseResilience {
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(openStateWait, "openStateWait");
        if (queryTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("queryTimeout must be at least one second");
        }
        if (failureRateThreshold < 1 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("failureRateThreshold must be between 1 and 100");
        }
        if (minimumCalls < 1 || halfOpenCalls < 1) {
            throw new IllegalArgumentException("minimumCalls and halfOpenCalls must be positive");
        }
        if (openStateWait.isNegative() || openStateWait.isZero()) {
            throw new IllegalArgumentException("openStateWait must be positive");
        }
    }
}
