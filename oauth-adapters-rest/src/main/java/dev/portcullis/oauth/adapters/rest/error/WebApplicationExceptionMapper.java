package dev.portcullis.oauth.adapters.rest.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Jersey refuses itself (404 unknown path, 405 wrong method with its {@code Allow} header, 406,
 * 415) and the adapter's own 413 keep their status but get an OAuth JSON body: {@code invalid_request}
 * for 4xx, {@code server_error} (logged with its stack trace) for anything else; never Jersey's HTML
 * or text. Thread-safe.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (!StatusErrors.isClientError(status)) {
            LOG.error("request failed with HTTP status {}", status, exception);
            return ErrorResponses.of(status >= 500 && status < 600 ? status : 500, StatusErrors.SERVER_ERROR).build();
        }
        LOG.debug("request refused with HTTP status {}", status);
        Response.ResponseBuilder response = ErrorResponses.of(status, StatusErrors.forStatus(status));
        // RFC 9110 §15.5.6: a 405 carries Allow.
        String allow = original.getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }
}
