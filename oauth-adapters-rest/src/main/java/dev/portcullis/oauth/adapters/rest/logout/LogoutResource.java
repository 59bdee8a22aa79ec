package dev.portcullis.oauth.adapters.rest.logout;

import dev.portcullis.oauth.adapters.rest.form.FormBodyReader;
import dev.portcullis.oauth.adapters.rest.form.FormParser;
import dev.portcullis.oauth.adapters.rest.page.StepResponses;
import dev.portcullis.oauth.application.logout.EndSession;
import dev.portcullis.oauth.application.logout.LogoutRequest;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The end-session endpoint (OIDC RP-Initiated Logout 1.0 §2): {@code GET} with the query, {@code POST}
 * with a form body, both with {@code id_token_hint}, {@code client_id}, {@code post_logout_redirect_uri},
 * {@code state} and {@code ui_locales}; the confirmation page posts back here with {@code csrf_token}.
 * Repeated or malformed parameters and a wrong content type are refused with an error page before
 * {@link EndSession} runs. A {@code POST} without the session cookie is answered with a 303 to the
 * same request as {@code GET}, which carries the cookie even when the relying party posted from
 * another site. Thread-safe.
 *
 * @see <a href="https://openid.net/specs/openid-connect-rpinitiated-1_0.html#RPLogout">RP-Initiated Logout §2</a>
 */
@Path("logout")
public final class LogoutResource {

    private static final String CSRF_TOKEN = "csrf_token";

    private static final OAuthError TOO_LARGE = new OAuthError(StandardErrorCode.INVALID_REQUEST,
            "The request body is too large.");

    private final EndSession endSession;
    private final LogoutResponses responses;
    private final FormBodyReader forms;

    /**
     * @param endSession the use case
     * @param responses  the pages, redirects and cookies
     * @param forms      the reader of POST bodies
     */
    public LogoutResource(EndSession endSession, LogoutResponses responses, FormBodyReader forms) {
        this.endSession = Objects.requireNonNull(endSession, "endSession");
        this.responses = Objects.requireNonNull(responses, "responses");
        this.forms = Objects.requireNonNull(forms, "forms");
    }

    /** §2: the parameters in the query. */
    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        String query = Optional.ofNullable(uri.getRequestUri().getRawQuery()).orElse("");
        byte[] bytes = query.getBytes(StandardCharsets.US_ASCII);
        Map<String, String> parameters;
        try {
            parameters = FormParser.parse(bytes, bytes.length);
        } catch (OAuthException e) {
            return responses.errorPage(400, e.error());
        }
        return serve(parameters, headers);
    }

    /** §2: the parameters in a form body. */
    @POST
    public Response post(@Context HttpHeaders headers, InputStream body) {
        Map<String, String> parameters;
        try {
            parameters = forms.read(headers, body);
        } catch (OAuthException e) {
            return responses.errorPage(400, e.error());
        } catch (ClientErrorException e) {
            return responses.errorPage(413, TOO_LARGE);
        }
        // A relying party's page POSTing here cross-site sends no SameSite=Lax session cookie. The
        // browser follows a 303 with a top-level GET, which does send it (RFC 6265bis §5.6.7.1), so
        // such a request is answered by the same request as GET. The confirmation form (csrf_token)
        // is posted by our own page and always carries the cookie when there is one.
        if (StepResponses.sessionCookie(headers).isEmpty() && !parameters.containsKey(CSRF_TOKEN)) {
            return responses.continueAsGet(parameters);
        }
        return serve(parameters, headers);
    }

    private Response serve(Map<String, String> parameters, HttpHeaders headers) {
        Optional<String> csrfCookie = cookie(headers, LogoutResponses.CSRF_COOKIE);
        LogoutRequest request = new LogoutRequest(parameters, StepResponses.sessionCookie(headers), csrfCookie);
        return responses.render(endSession.endSession(request), csrfCookie.isPresent());
    }

    private static Optional<String> cookie(HttpHeaders headers, String name) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }
}
