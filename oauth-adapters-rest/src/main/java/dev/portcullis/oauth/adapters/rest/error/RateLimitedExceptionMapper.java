package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.adapters.rest.limit.RateLimitedException;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request over its rate limit becomes 429 Too Many Requests with {@code Retry-After}
 * (RFC 6585 §4) and an OAuth error body. The code is {@code temporarily_unavailable}: RFC 6749
 * §5.2 has no code for "too many requests", {@code slow_down} belongs to device-code polling only
 * (RFC 8628 §3.5), and {@code temporarily_unavailable} (RFC 6749 §4.1.2.1) tells a client to come
 * back later without blaming its request. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6585#section-4">RFC 6585 §4</a>
 */
public final class RateLimitedExceptionMapper implements ExceptionMapper<RateLimitedException> {

    /** The error of every rate-limited JSON endpoint. */
    public static final OAuthError TOO_MANY_REQUESTS = new OAuthError(StandardErrorCode.TEMPORARILY_UNAVAILABLE,
            "Too many requests for this client; retry after the time in the Retry-After header.");

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitedExceptionMapper.class);

    @Override
    public Response toResponse(RateLimitedException exception) {
        LOG.debug("request rate limited: retry_after={}s", exception.retryAfterSeconds());
        return ErrorResponses.of(429, TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(exception.retryAfterSeconds()))
                .build();
    }
}
