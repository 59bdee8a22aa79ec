package dev.portcullis.oauth.adapters.rest.identity;

import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Resilience4j guards around calls to the identity service, in this order from the outside:
 * bulkhead (one slot per logical call, retries included), retry (lookups only), circuit breaker
 * (each attempt counts), time limiter (one attempt, body included). Whatever fails becomes one
 * {@link ServiceUnavailableException}. Thread-safe.
 */
final class IdentityServiceGuard {

    /** The name in every outage, and of the Resilience4j instances. */
    static final String WHAT = "identity backend";

    private static final Logger LOG = LoggerFactory.getLogger(IdentityServiceGuard.class);

    private final Bulkhead bulkhead;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;

    IdentityServiceGuard(HttpIdentityBackendSettings settings, Clock clock) {
        this.bulkhead = Bulkhead.of(WHAT, BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                .maxWaitDuration(settings.maxWaitForCall())
                .build());
        this.retry = Retry.of(WHAT, RetryConfig.custom()
                .maxAttempts(settings.lookupAttempts())
                .waitDuration(settings.retryWait())
                // An open circuit answers at once; retrying it would only delay the same answer.
                .retryOnException(e -> !(e instanceof CallNotPermittedException))
                .build());
        this.circuitBreaker = CircuitBreaker.of(WHAT, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openStateWait())
                .permittedNumberOfCallsInHalfOpenState(settings.halfOpenCalls())
                .clock(clock)
                .build());
        this.timeLimiter = TimeLimiter.of(WHAT, TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .cancelRunningFuture(true)
                .build());
        circuitBreaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                LOG.warn("identity backend circuit {}", event.getStateTransition());
            } else {
                LOG.info("identity backend circuit {}", event.getStateTransition());
            }
        });
    }

    /**
     * Runs one attempt: {@code send} starts the exchange, {@code interpret} reads the response.
     * Retried when {@code idempotent}.
     *
     * @throws ServiceUnavailableException when the call failed, timed out, or was refused by the
     *         circuit breaker or the bulkhead
     */
    <R, T> T call(boolean idempotent, Supplier<CompletableFuture<R>> send, Interpreter<R, T> interpret) {
        Callable<R> limited = TimeLimiter.decorateFutureSupplier(timeLimiter, send);
        Callable<T> attempt = CircuitBreaker.decorateCallable(circuitBreaker, () -> interpret.apply(limited.call()));
        Callable<T> retried = idempotent ? Retry.decorateCallable(retry, attempt) : attempt;
        try {
            return Bulkhead.decorateCallable(bulkhead, retried).call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException(WHAT, e);
        } catch (CallNotPermittedException | BulkheadFullException e) {
            throw new ServiceUnavailableException(WHAT, e);
        } catch (RuntimeException e) {
            // Programming errors surface as they are; the Resilience4j refusals are handled above.
            throw e;
        } catch (Exception e) {
            // IOException, TimeoutException, UnexpectedResponseException: the service failed.
            throw new ServiceUnavailableException(WHAT, e);
        }
    }

    /** The circuit breaker's state name: CLOSED, OPEN, HALF_OPEN (or Resilience4j's special states). */
    String circuitState() {
        return circuitBreaker.getState().name();
    }

    /** Reads one response; may throw to fail the attempt. */
    @FunctionalInterface
    interface Interpreter<R, T> {
        T apply(R response) throws Exception;
    }
}
