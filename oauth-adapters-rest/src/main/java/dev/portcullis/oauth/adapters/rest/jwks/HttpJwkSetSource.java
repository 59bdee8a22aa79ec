package dev.portcullis.oauth.adapters.rest.jwks;

import dev.portcullis.oauth.adapters.rest.identity.BoundedBody;
import dev.portcullis.oauth.domain.port.JwkSetSource;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a client's {@code jwks_uri} over HTTP (RFC 7591 §2): {@code GET} with
 * {@code Accept: application/jwk-set+json, application/json}, no redirects, a connect timeout and a
 * time limit on the whole exchange, at most {@code maxBytes} of body, status 200 only. Resilience4j
 * guards each URI separately, so one client's failing host never slows down or trips another
 * client: a bulkhead (few concurrent fetches per URI), a retry of the idempotent GET, a circuit
 * breaker that answers at once while the URI keeps failing, and a time limiter per attempt.
 * Every failure is an {@link UncheckedIOException}, which the core turns into {@code invalid_client}.
 * Thread-safe.
 */
public final class HttpJwkSetSource implements JwkSetSource {

    /** The time one attempt may take when not configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    /** The largest JWK Set read when not configured. */
    public static final int DEFAULT_MAX_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpJwkSetSource.class);

    /** Built on the first fetch: most servers never fetch a client's keys, and building one costs a start. */
    private volatile HttpClient client;
    private final int maxBytes;
    private final Duration timeout;
    private final TimeLimiter timeLimiter;
    private final Retry retry;
    private final CircuitBreakerRegistry circuitBreakers;
    private final BulkheadRegistry bulkheads;

    /** A source with {@link #DEFAULT_TIMEOUT} and {@link #DEFAULT_MAX_BYTES}. */
    public HttpJwkSetSource(Clock clock) {
        this(clock, DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    /**
     * @param clock    the circuit breakers' clock (their open-state wait)
     * @param timeout  the connect timeout, and the time limit of one attempt, body included
     * @param maxBytes the largest document read
     */
    public HttpJwkSetSource(Clock clock, Duration timeout, int maxBytes) {
        Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || maxBytes < 1) {
            throw new IllegalArgumentException("timeout and maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
        this.timeLimiter = TimeLimiter.of("jwks_uri", TimeLimiterConfig.custom()
                .timeoutDuration(timeout).cancelRunningFuture(true).build());
        this.retry = Retry.of("jwks_uri", RetryConfig.custom()
                .maxAttempts(2)
                .waitDuration(Duration.ofMillis(100))
                .retryOnException(e -> !(e instanceof CallNotPermittedException))
                .build());
        this.circuitBreakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .permittedNumberOfCallsInHalfOpenState(1)
                .clock(clock)
                .build());
        // Concurrent fetches of one URI wait for a slot at most one attempt's time.
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(2)
                .maxWaitDuration(timeout)
                .build());
    }

    @Override
    public String fetch(URI jwksUri) {
        Objects.requireNonNull(jwksUri, "jwksUri");
        String name = jwksUri.toString();
        CircuitBreaker circuitBreaker = circuitBreakers.circuitBreaker(name);
        HttpRequest request = HttpRequest.newBuilder(jwksUri)
                .header("Accept", "application/jwk-set+json, application/json")
                .timeout(timeout)
                .GET()
                .build();
        Callable<HttpResponse<byte[]>> limited = TimeLimiter.decorateFutureSupplier(timeLimiter,
                () -> client().sendAsync(request, BoundedBody.handler(maxBytes)));
        Callable<String> attempt = CircuitBreaker.decorateCallable(circuitBreaker, () -> document(limited.call()));
        try {
            return Bulkhead.decorateCallable(bulkheads.bulkhead(name), Retry.decorateCallable(retry, attempt)).call();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted", e);
        } catch (CallNotPermittedException e) {
            throw failure("circuit open after repeated failures", e);
        } catch (BulkheadFullException e) {
            throw failure("too many concurrent fetches", e);
        } catch (TimeoutException | HttpTimeoutException e) {
            // The time limiter and the HTTP client's own request timeout race; either means the same.
            throw failure("timed out after " + timeout.toMillis() + " ms", e);
        } catch (IOException e) {
            throw failure(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw failure(e.getClass().getSimpleName(), e);
        }
    }

    private HttpClient client() {
        HttpClient built = client;
        if (built == null) {
            synchronized (this) {
                built = client;
                if (built == null) {
                    // Its TLS context and selector thread take about 0.2 s of a start to set up.
                    built = HttpClient.newBuilder()
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = built;
                }
            }
        }
        return built;
    }

    private static String document(HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("status " + response.statusCode());
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static UncheckedIOException failure(String reason, Exception cause) {
        LOG.debug("jwks_uri fetch failed: {}", reason);
        IOException io = cause instanceof IOException e ? e : new IOException(reason, cause);
        return new UncheckedIOException(reason, io);
    }
}
