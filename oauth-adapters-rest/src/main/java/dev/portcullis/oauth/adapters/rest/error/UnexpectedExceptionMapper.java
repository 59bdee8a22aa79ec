package dev.portcullis.oauth.adapters.rest.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything not mapped elsewhere is a server fault: 500 {@code server_error} with a generic
 * description, logged once at ERROR with its stack trace (STYLE.md §6). The client never sees the
 * exception's message or trace. Thread-safe.
 */
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        LOG.error("request failed with an unexpected error", exception);
        return ErrorResponses.of(500, StatusErrors.SERVER_ERROR).build();
    }
}
