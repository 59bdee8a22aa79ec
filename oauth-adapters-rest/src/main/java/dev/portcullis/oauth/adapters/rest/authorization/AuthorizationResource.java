package dev.portcullis.oauth.adapters.rest.authorization;

import dev.portcullis.oauth.adapters.rest.form.RequestBodies;
import dev.portcullis.oauth.adapters.rest.page.StepResponses;
import dev.portcullis.oauth.application.authorization.AuthorizationEndpointRequest;
import dev.portcullis.oauth.application.authorization.Authorize;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The authorization endpoint (RFC 6749 §3.1): {@code GET} with the query, {@code POST} with a form
 * body (OIDC Core §3.1.2.1). It parses the parameters, calls {@link Authorize} and renders the step:
 * an HTML error page (never a redirect) when the client or redirect URI cannot be trusted, else a
 * 303 to the login or consent page or back to the client. A new pending request is bound to the
 * browser's flow cookie, which is set here when the browser has none ({@link StepResponses#FLOW_COOKIE}).
 * Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1">RFC 6749 §4.1.1</a>
 */
@Path("authorize")
public final class AuthorizationResource {

    /** The largest form body accepted. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final OAuthError MALFORMED = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The request parameters are not valid percent-encoded UTF-8.");
    private static final OAuthError NOT_A_FORM = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The request content type must be application/x-www-form-urlencoded.");
    private static final OAuthError TOO_LARGE = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The request body is too large.");

    private final Authorize authorize;
    private final StepResponses responses;

    public AuthorizationResource(Authorize authorize, StepResponses responses) {
        this.authorize = Objects.requireNonNull(authorize, "authorize");
        this.responses = Objects.requireNonNull(responses, "responses");
    }

    /** RFC 6749 §3.1: the parameters in the query. */
    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        return serve(AuthorizationParameters.parse(uri.getRequestUri().getRawQuery()), headers);
    }

    /** OIDC Core §3.1.2.1: the parameters in a form body. */
    @POST
    public Response post(@Context HttpHeaders headers, InputStream body) throws IOException {
        String contentType = Optional.ofNullable(headers.getHeaderString(HttpHeaders.CONTENT_TYPE)).orElse("");
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return responses.errorPage(400, NOT_A_FORM);
        }
        Optional<byte[]> bytes = RequestBodies.read(body, headers.getLength(), MAX_BODY_BYTES);
        if (bytes.isEmpty()) {
            return responses.errorPage(413, TOO_LARGE);
        }
        return serve(AuthorizationParameters.parse(bytes.get()), headers);
    }

    private Response serve(Optional<Map<String, List<String>>> parameters, HttpHeaders headers) {
        if (parameters.isEmpty()) {
            return responses.errorPage(400, MALFORMED);
        }
        return responses.render(authorize.authorize(
                new AuthorizationEndpointRequest(parameters.get(), StepResponses.sessionCookie(headers),
                        StepResponses.flowCookie(headers))));
    }
}
