package dev.portcullis.oauth.adapters.rest.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per key, in memory, with the injected clock. Per instance: behind a load
 * balancer each instance counts its own share, so the effective limit is the sum over instances.
 * Bounded: when more than {@code maxKeys} keys are tracked, buckets that have refilled completely
 * (idle keys) are dropped, at most once per period; a key that still finds no room is let through
 * untracked, so a flood of made-up keys costs memory once and never refuses a real client.
 * Thread-safe.
 */
public final class RequestRateLimiter {

    private final Clock clock;
    private final RateLimit limit;
    private final int maxKeys;
    private final double nanosPerPermit;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Instant lastPrune = Instant.MIN;

    /**
     * @param clock   the source of "now"
     * @param limit   the bucket of every key
     * @param maxKeys the most keys tracked at once; at least one
     */
    public RequestRateLimiter(Clock clock, RateLimit limit, int maxKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = Objects.requireNonNull(limit, "limit");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be positive");
        }
        this.maxKeys = maxKeys;
        this.nanosPerPermit = (double) limit.period().toNanos() / limit.permits();
    }

    /**
     * Takes one permit of {@code key}.
     *
     * @return empty when the request may pass; otherwise how long until the next permit
     */
    public Optional<Duration> acquire(String key) {
        Objects.requireNonNull(key, "key");
        Instant now = Instant.now(clock);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys && !prune(now)) {
                return Optional.empty();
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(limit.permits(), now));
        }
        return bucket.take(now, limit.permits(), nanosPerPermit);
    }

    /** How many keys are tracked; for tests of the bound. */
    int trackedKeys() {
        return buckets.size();
    }

    /** Drops full buckets; returns whether there is room for a new key. */
    private boolean prune(Instant now) {
        if (lastPrune.plus(limit.period()).isAfter(now)) {
            return buckets.size() < maxKeys;
        }
        lastPrune = now;
        buckets.entrySet().removeIf(entry -> entry.getValue().isFull(now, limit.permits(), nanosPerPermit));
        return buckets.size() < maxKeys;
    }

    /** {@code wait} rounded up to whole seconds, at least one, for {@code Retry-After} (RFC 9110 §10.2.3). */
    public static long retryAfterSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    private static final class Bucket {

        private double permits;
        private Instant refilled;

        Bucket(int permits, Instant now) {
            this.permits = permits;
            this.refilled = now;
        }

        synchronized Optional<Duration> take(Instant now, int capacity, double nanosPerPermit) {
            refill(now, capacity, nanosPerPermit);
            if (permits >= 1) {
                permits -= 1;
                return Optional.empty();
            }
            return Optional.of(Duration.ofNanos((long) Math.ceil((1 - permits) * nanosPerPermit)));
        }

        synchronized boolean isFull(Instant now, int capacity, double nanosPerPermit) {
            refill(now, capacity, nanosPerPermit);
            return permits >= capacity;
        }

        private void refill(Instant now, int capacity, double nanosPerPermit) {
            if (now.isAfter(refilled)) {
                double elapsed = Duration.between(refilled, now).toNanos();
                permits = Math.min(capacity, permits + elapsed / nanosPerPermit);
                refilled = now;
            }
        }
    }
}
