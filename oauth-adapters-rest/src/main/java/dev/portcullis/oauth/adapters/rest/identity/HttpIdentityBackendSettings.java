package dev.portcullis.oauth.adapters.rest.identity;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything {@link HttpIdentityBackend} needs, validated on construction; {@link #builder(URI)}
 * fills in the defaults below. Errors name the bad setting.
 *
 * @param baseUri             the identity service's base URL (http or https, no query or fragment);
 *                            the contract's paths are appended to it
 * @param authorization       the {@code Authorization} header value sent on every call (for example
 *                            {@code Bearer …} or {@code Basic …}); never logged. Default: none
 * @param connectTimeout      how long opening a connection may take. Default 2 s
 * @param timeout             how long one call, body included, may take. Default 2 s
 * @param maxConcurrentCalls  bulkhead: calls in flight at once; more are refused at once. Default 25
 * @param maxWaitForCall      bulkhead: how long a call may wait for a free slot. Default 0
 * @param lookupAttempts      retry: attempts of the idempotent {@code GET /users/{sub}} (never of
 *                            {@code POST /authenticate}). Default 3
 * @param retryWait           retry: pause between attempts. Default 100 ms
 * @param failureRateThreshold circuit breaker: percentage of failed calls that opens it. Default 50
 * @param slidingWindowSize   circuit breaker: how many recent calls the rate is computed over. Default 20
 * @param minimumCalls        circuit breaker: calls needed before the rate counts. Default 10
 * @param openStateWait       circuit breaker: how long it stays open before trial calls. Default 30 s
 * @param halfOpenCalls       circuit breaker: trial calls that decide whether it closes. Default 3
 */
public record HttpIdentityBackendSettings(URI baseUri, Optional<String> authorization, Duration connectTimeout,
                                          Duration timeout, int maxConcurrentCalls, Duration maxWaitForCall,
                                          int lookupAttempts, Duration retryWait, int failureRateThreshold,
                                          int slidingWindowSize, int minimumCalls, Duration openStateWait,
                                          int halfOpenCalls) {

    public HttpIdentityBackendSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        String scheme = Optional.ofNullable(baseUri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || baseUri.getHost() == null
                || baseUri.getRawQuery() != null || baseUri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUri must be an http or https URL without query or fragment");
        }
        Objects.requireNonNull(authorization, "authorization");
        if (authorization.filter(value -> value.isBlank() || value.chars().anyMatch(c -> c < 0x20 || c == 0x7F))
                .isPresent()) {
            throw new IllegalArgumentException("authorization must be a non-blank header value");
        }
        positive("connectTimeout", connectTimeout);
        positive("timeout", timeout);
        atLeast("maxConcurrentCalls", maxConcurrentCalls, 1);
        Objects.requireNonNull(maxWaitForCall, "maxWaitForCall");
        if (maxWaitForCall.isNegative()) {
            throw new IllegalArgumentException("maxWaitForCall must not be negative");
        }
        atLeast("lookupAttempts", lookupAttempts, 1);
        positive("retryWait", retryWait);
        if (failureRateThreshold < 1 || failureRateThreshold > 100) {
            throw new IllegalArgumentException("failureRateThreshold must be between 1 and 100");
        }
        atLeast("slidingWindowSize", slidingWindowSize, 1);
        atLeast("minimumCalls", minimumCalls, 1);
        positive("openStateWait", openStateWait);
        atLeast("halfOpenCalls", halfOpenCalls, 1);
    }

    /** A builder with the defaults, calling the service at {@code baseUri}. */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    @Override
    public String toString() {
        return "HttpIdentityBackendSettings[baseUri=" + baseUri + ", authorization="
                + authorization.map(value -> "(set)").orElse("(none)") + ", timeout=" + timeout + "]";
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min);
        }
    }

    /** Builds {@link HttpIdentityBackendSettings}; starts from the documented defaults. Not thread-safe. */
    public static final class Builder {
        private final URI baseUri;
        private Optional<String> authorization = Optional.empty();
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration timeout = Duration.ofSeconds(2);
        private int maxConcurrentCalls = 25;
        private Duration maxWaitForCall = Duration.ZERO;
        private int lookupAttempts = 3;
        private Duration retryWait = Duration.ofMillis(100);
        private int failureRateThreshold = 50;
        private int slidingWindowSize = 20;
        private int minimumCalls = 10;
        private Duration openStateWait = Duration.ofSeconds(30);
        private int halfOpenCalls = 3;

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        }

        /** The {@code Authorization} header value to send, such as {@code Bearer abc}. */
        public Builder authorization(String value) {
            this.authorization = Optional.of(value);
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Bulkhead size and how long a call may wait for a slot. */
        public Builder bulkhead(int maxConcurrent, Duration maxWait) {
            this.maxConcurrentCalls = maxConcurrent;
            this.maxWaitForCall = maxWait;
            return this;
        }

        /** Attempts of {@code GET /users/{sub}} and the pause between them. */
        public Builder retry(int attempts, Duration wait) {
            this.lookupAttempts = attempts;
            this.retryWait = wait;
            return this;
        }

        /** Circuit breaker: failure percentage, window, minimum calls, open-state wait, trial calls. */
        public Builder circuitBreaker(int failureRate, int window, int minimum, Duration openWait, int trialCalls) {
            this.failureRateThreshold = failureRate;
            this.slidingWindowSize = window;
            this.minimumCalls = minimum;
            this.openStateWait = openWait;
            this.halfOpenCalls = trialCalls;
            return this;
        }

        /** The settings; throws {@link IllegalArgumentException} naming the first bad setting. */
        public HttpIdentityBackendSettings build() {
            return new HttpIdentityBackendSettings(baseUri, authorization, connectTimeout, timeout, maxConcurrentCalls,
                    maxWaitForCall, lookupAttempts, retryWait, failureRateThreshold, slidingWindowSize, minimumCalls,
                    openStateWait, halfOpenCalls);
        }
    }
}
