package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.domain.error.ErrorCode;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides the status and headers of an OAuth error (STYLE.md §6): 400 by
 * default; {@code invalid_client} 401 with {@code WWW-Authenticate} when the client used the
 * {@code Authorization} header, else 400; {@code insufficient_scope} 403; {@code server_error} 500;
 * {@code temporarily_unavailable} 503. The internal detail goes to the debug log only. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-5.2">RFC 6749 §5.2</a>
 */
public final class OAuthExceptionMapper implements ExceptionMapper<OAuthException> {

    /**
     * The challenge sent with a 401 {@code invalid_client}: the scheme the client used (RFC 6749
     * §5.2), with the error code as an auth-param for clients that read it.
     */
    public static final String BASIC_CHALLENGE = "Basic realm=\"oauth\", error=\"invalid_client\"";

    private static final Logger LOG = LoggerFactory.getLogger(OAuthExceptionMapper.class);

    // Injected by JAX-RS per request (a proxy to the current request's headers); not final for that reason.
    @Context
    private HttpHeaders headers;

    @Override
    public Response toResponse(OAuthException exception) {
        OAuthError error = exception.error();
        LOG.debug("request refused: error={} detail={}", error.code().value(), exception.getMessage());
        ErrorCode code = error.code();
        if (code == StandardErrorCode.INVALID_CLIENT) {
            // RFC 6749 §5.2: 401 with WWW-Authenticate when the client authenticated through the
            // Authorization header; otherwise 400, as a 401 without a challenge breaks RFC 9110 §15.5.2.
            if (usedAuthorizationHeader()) {
                return ErrorResponses.of(401, error).header(HttpHeaders.WWW_AUTHENTICATE, BASIC_CHALLENGE).build();
            }
            return ErrorResponses.of(400, error).build();
        }
        return ErrorResponses.of(status(code), error).build();
    }

    private boolean usedAuthorizationHeader() {
        return headers != null && headers.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
    }

    private static int status(ErrorCode code) {
        // RFC 6750 §3.1: the credentials are good but do not reach far enough.
        if (code == StandardErrorCode.INSUFFICIENT_SCOPE) {
            return 403;
        }
        if (code == StandardErrorCode.SERVER_ERROR) {
            return 500;
        }
        if (code == StandardErrorCode.TEMPORARILY_UNAVAILABLE) {
            return 503;
        }
        return 400;
    }
}
