package dev.portcullis.oauth.adapters.rest.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * A token bucket: up to {@code permits} requests at once, refilled evenly at {@code permits} per
 * {@code period}.
 *
 * @param permits the bucket size and the requests allowed per period; at least one
 * @param period  the period over which {@code permits} come back; positive
 */
public record RateLimit(int permits, Duration period) {

    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive");
        }
    }

    /** {@code permits} per second. */
    public static RateLimit perSecond(int permits) {
        return new RateLimit(permits, Duration.ofSeconds(1));
    }

    /** {@code permits} per minute. */
    public static RateLimit perMinute(int permits) {
        return new RateLimit(permits, Duration.ofMinutes(1));
    }
}
