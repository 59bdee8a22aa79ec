package dev.portcullis.oauth.adapters.persistence.database;

import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Resilience4j circuit breaker every repository call passes through. Only outages count as
 * failures ({@link ServiceUnavailableException}: connection refused or lost, pool timeout, query
 * timeout); a duplicate key or a value that does not fit is the caller's business and counts as a
 * success. While the circuit is open, calls fail at once with {@link ServiceUnavailableException}
 * and never wait for a connection; after {@link DatabaseResilience#openStateWait()} a few probe
 * calls decide whether it closes again, so the server recovers by itself. Thread-safe.
 */
public final class DatabaseCircuit {

    /** The name of the Resilience4j instance, and the dependency named in every outage. */
    public static final String NAME = "database";

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCircuit.class);

    private final CircuitBreaker breaker;

    /** A circuit with Resilience4j's own clock (the system's). */
    public DatabaseCircuit(DatabaseResilience settings) {
        this(settings, Optional.empty());
    }

    /** A circuit that measures its open-state wait with {@code clock}; for tests that step time. */
    DatabaseCircuit(DatabaseResilience settings, Clock clock) {
        this(settings, Optional.of(clock));
    }

    private DatabaseCircuit(DatabaseResilience settings, Optional<Clock> clock) {
        Objects.requireNonNull(settings, "settings");
        CircuitBreakerConfig.Builder config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.minimumCalls())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .recordException(e -> e instanceof ServiceUnavailableException);
        clock.ifPresent(config::clock);
        this.breaker = CircuitBreaker.of(NAME, config.build());
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                LOG.warn("database circuit {}: calls fail at once for {} s", event.getStateTransition(),
                        settings.openStateWait().toSeconds());
            } else {
                LOG.info("database circuit {}", event.getStateTransition());
            }
        });
    }

    /**
     * Runs {@code work} when the circuit lets it, and records how it ended.
     *
     * @throws ServiceUnavailableException when the circuit is open, or from {@code work}
     */
    public <T> T call(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        try {
            return breaker.executeSupplier(work);
        } catch (CallNotPermittedException e) {
            throw new ServiceUnavailableException(NAME, e);
        }
    }

    /**
     * Lets one call in, for work that cannot be wrapped in a supplier (a unit of work that begins at
     * its first repository call and ends at its commit). Every permitted call must end with
     * {@link #succeeded} or {@link #failed}.
     *
     * @throws ServiceUnavailableException when the circuit is open
     */
    void enter() {
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException e) {
            throw new ServiceUnavailableException(NAME, e);
        }
    }

    /** Records that a call let in by {@link #enter()} succeeded after {@code nanos}. */
    void succeeded(long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Records that a call let in by {@link #enter()} ended with {@code failure} after {@code nanos}:
     * a failure of the circuit when it is an outage, a success otherwise, as for {@link #call}.
     */
    void failed(long nanos, Throwable failure) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    }

    /** The state name: CLOSED, OPEN, HALF_OPEN (or Resilience4j's special states); for health checks. */
    public String state() {
        return breaker.getState().name();
    }

    /** The Resilience4j circuit breaker, for metrics; not to be called around repository work. */
    public CircuitBreaker circuitBreaker() {
        return breaker;
    }
}
