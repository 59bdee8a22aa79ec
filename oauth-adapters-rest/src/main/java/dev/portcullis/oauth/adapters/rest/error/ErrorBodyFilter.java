package dev.portcullis.oauth.adapters.rest.error;

import dev.portcullis.oauth.adapters.rest.json.JsonBody;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * A safety net for error responses that Jersey builds without an exception mapper, such as the
 * bodiless 400 it answers to an unparsable {@code Content-Type} header: an error status without an
 * entity gets the OAuth JSON body and the no-store headers of every other error. A 401 with a
 * challenge is left bodiless: RFC 6750 §3.1 gives a request without a token no error information.
 * Thread-safe.
 */
public final class ErrorBodyFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        if (status == 401 && response.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)) {
            return;
        }
        response.setEntity(ErrorResponses.body(StatusErrors.forStatus(status)), null, JsonBody.JSON_UTF8);
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        response.getHeaders().putSingle("Pragma", "no-cache");
    }
}
