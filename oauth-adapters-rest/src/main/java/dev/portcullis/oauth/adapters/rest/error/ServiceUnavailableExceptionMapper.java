package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An infrastructure outage (database down or its circuit open, identity service down) becomes 503
 * {@code temporarily_unavailable} (RFC 6749 §4.1.2.1 defines the code; STYLE.md §6). At the
 * UserInfo endpoint, a protected resource whose errors RFC 6750 §3.1 defines and where
 * {@code temporarily_unavailable} is not one of them, the code is {@code server_error}, still with
 * 503. Logged at WARN without the stack trace: the failing dependency reports the fault itself, and
 * an outage would otherwise flood the log with one trace per request. Thread-safe.
 */
public final class ServiceUnavailableExceptionMapper implements ExceptionMapper<ServiceUnavailableException> {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceUnavailableExceptionMapper.class);

    private static final OAuthError UNAVAILABLE = new OAuthError(StandardErrorCode.TEMPORARILY_UNAVAILABLE,
            "The server is temporarily unable to handle the request.");

    private static final OAuthError RESOURCE_UNAVAILABLE = new OAuthError(StandardErrorCode.SERVER_ERROR,
            "The server is temporarily unable to handle the request.");

    /** The request being answered; a per-request proxy injected by the JAX-RS runtime. */
    @Context
    private UriInfo uriInfo;

    @Override
    public Response toResponse(ServiceUnavailableException exception) {
        Throwable cause = exception.getCause();
        LOG.warn("request failed: {} (cause: {})", exception.getMessage(),
                cause == null ? "none" : cause.getClass().getName());
        return ErrorResponses.of(503, isUserInfo() ? RESOURCE_UNAVAILABLE : UNAVAILABLE).build();
    }

    private boolean isUserInfo() {
        return uriInfo != null && "userinfo".equals(uriInfo.getPath(true).replaceAll("^/+|/+$", ""));
    }
}
