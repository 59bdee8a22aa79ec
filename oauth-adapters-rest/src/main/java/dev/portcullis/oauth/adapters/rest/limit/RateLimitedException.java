package dev.portcullis.oauth.adapters.rest.limit;

import java.time.Duration;
import java.util.Objects;

/**
 * A request refused because its key used up its {@link RateLimit}: answered 429 with
 * {@code Retry-After} (RFC 6585 §4). Carries no key, so it can never put a username in a log.
 */
public final class RateLimitedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    /** @param retryAfter how long until a request with the same key may pass */
    public RateLimitedException(Duration retryAfter) {
        super("rate limit reached", null, false, false);
        this.retryAfterSeconds = RequestRateLimiter.retryAfterSeconds(Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** Whole seconds for the {@code Retry-After} header (RFC 9110 §10.2.3), at least one. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
