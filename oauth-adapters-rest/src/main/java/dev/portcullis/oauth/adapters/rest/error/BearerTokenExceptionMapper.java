package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The status and {@code WWW-Authenticate: Bearer} challenge of a refused bearer-token request
 * (RFC 6750 §3), decided here only:
 * <ul>
 *   <li>no token: 401, {@code Bearer realm="…"}, no error code and no body (§3.1);</li>
 *   <li>{@code invalid_token}: 401, {@code Bearer realm="…", error="invalid_token", error_description="…"};</li>
 *   <li>{@code insufficient_scope}: 403, {@code Bearer error="insufficient_scope", scope="…"};</li>
 *   <li>{@code invalid_request} (and any other code): 400, {@code Bearer error="invalid_request"}.</li>
 * </ul>
 * Errors carry the JSON body of every other error; every response carries {@code Cache-Control:
 * no-store}. The internal detail goes to the debug log only. Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6750#section-3">RFC 6750 §3</a>
 */
public final class BearerTokenExceptionMapper implements ExceptionMapper<BearerTokenException> {

    private static final Logger LOG = LoggerFactory.getLogger(BearerTokenExceptionMapper.class);

    @Override
    public Response toResponse(BearerTokenException exception) {
        Optional<OAuthError> refusal = exception.error();
        if (refusal.isEmpty()) {
            LOG.debug("bearer request refused: no token");
            // RFC 6750 §3.1: a request without authentication gets no error code or other error information.
            return Response.status(401)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + exception.realm() + "\"")
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("Pragma", "no-cache")
                    .build();
        }
        OAuthError error = refusal.get();
        LOG.debug("bearer request refused: error={} detail={}", error.code().value(), exception.getMessage());
        if (error.code() == StandardErrorCode.INVALID_TOKEN) {
            return ErrorResponses.of(401, error).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\""
                    + exception.realm() + "\", error=\"invalid_token\", error_description=\"" + error.description() + "\"")
                    .build();
        }
        if (error.code() == StandardErrorCode.INSUFFICIENT_SCOPE) {
            return ErrorResponses.of(403, error).header(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_scope\", scope=\"" + exception.scope() + "\"").build();
        }
        // OAuthError limits codes to RFC 6749 A.7 characters, so the code can be quoted as it is.
        return ErrorResponses.of(400, error)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"" + error.code().value() + "\"").build();
    }
}
