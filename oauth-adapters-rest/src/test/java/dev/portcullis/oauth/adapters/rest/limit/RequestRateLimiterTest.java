package dev.portcullis.oauth.adapters.rest.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestRateLimiterTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void acquireWhenWithinBurstThenAllPass() {
        RequestRateLimiter limiter = new RequestRateLimiter(clock, RateLimit.perSecond(3), 10);

        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), limiter.acquire("billing"));
        }
    }

    @Test
    void acquireWhenBucketEmptyThenWaitUntilNextPermit() { // RFC 6585 §4
        RequestRateLimiter limiter = new RequestRateLimiter(clock, new RateLimit(2, Duration.ofSeconds(10)), 10);
        limiter.acquire("billing");
        limiter.acquire("billing");

        Optional<Duration> wait = limiter.acquire("billing");

        assertEquals(Optional.of(Duration.ofSeconds(5)), wait);
    }

    @Test
    void acquireWhenTimePassedThenRefilled() {
        RequestRateLimiter limiter = new RequestRateLimiter(clock, new RateLimit(2, Duration.ofSeconds(10)), 10);
        limiter.acquire("billing");
        limiter.acquire("billing");
        clock.advance(Duration.ofSeconds(5));

        Optional<Duration> wait = limiter.acquire("billing");

        assertEquals(Optional.empty(), wait);
        assertTrue(limiter.acquire("billing").isPresent(), "one permit came back in five seconds, not two");
    }

    @Test
    void acquireWhenOtherKeyExhaustedThenThisKeyPasses() {
        RequestRateLimiter limiter = new RequestRateLimiter(clock, RateLimit.perMinute(1), 10);
        limiter.acquire("billing");

        assertTrue(limiter.acquire("billing").isPresent());
        assertEquals(Optional.empty(), limiter.acquire("reporting"));
    }

    @Test
    void acquireWhenKeysExceedBoundThenIdleBucketsDroppedAndMapBounded() {
        RequestRateLimiter limiter = new RequestRateLimiter(clock, RateLimit.perSecond(1), 3);
        for (int i = 0; i < 3; i++) {
            limiter.acquire("key-" + i);
        }
        clock.advance(Duration.ofSeconds(2));

        assertEquals(Optional.empty(), limiter.acquire("fresh"));

        assertEquals(1, limiter.trackedKeys(), "the refilled buckets were dropped");
    }

    @Test
    void acquireWhenBoundReachedByBusyKeysThenNewKeyPassesUntracked() {
        RequestRateLimiter limiter = new RequestRateLimiter(clock, RateLimit.perMinute(1), 2);
        limiter.acquire("a");
        limiter.acquire("b");

        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.empty(), limiter.acquire("flood"));
        }

        assertEquals(2, limiter.trackedKeys());
        assertTrue(limiter.acquire("a").isPresent(), "tracked keys stay limited");
    }

    @Test
    void retryAfterSecondsWhenFractionThenRoundedUpAndAtLeastOne() { // RFC 9110 §10.2.3: whole seconds
        assertEquals(1, RequestRateLimiter.retryAfterSeconds(Duration.ofMillis(1)));
        assertEquals(2, RequestRateLimiter.retryAfterSeconds(Duration.ofMillis(1500)));
        assertEquals(1, RequestRateLimiter.retryAfterSeconds(Duration.ZERO));
    }
}
