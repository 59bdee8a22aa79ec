package dev.portcullis.oauth.adapters.rest.logout;

import dev.portcullis.oauth.adapters.rest.page.HtmlPages;
import dev.portcullis.oauth.adapters.rest.page.PageRenderer;
import dev.portcullis.oauth.adapters.rest.page.StepResponses;
import dev.portcullis.oauth.application.logout.LogoutStep;
import dev.portcullis.oauth.domain.error.OAuthError;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns each {@link LogoutStep} into HTTP: the error page (400, never a redirect), the confirmation
 * page with its CSRF cookie, the 303 back to the relying party or the "signed out" page, each with
 * the security headers of {@link HtmlPages}. The session cookie is removed with the attributes it was
 * set with ({@link StepResponses}): {@code Path} of the issuer, {@code HttpOnly}, {@code SameSite=Lax},
 * {@code Secure} for an https issuer. Thread-safe.
 */
public final class LogoutResponses {

    /**
     * The double-submit CSRF cookie of the confirmation form. {@code SameSite=Strict}: only the
     * server's own page posts the confirmation, so no cross-site request ever needs it.
     */
    public static final String CSRF_COOKIE = "portcullis_logout";

    static final String CSRF = "The sign-out form has expired or did not come from this site. Please try again.";
    private static final String EXPIRED = "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT";

    private final PageRenderer pages;
    private final StepResponses steps;
    private final String path;
    private final String secure;

    /**
     * @param pages  the templates
     * @param issuer the issuer: its path scopes the cookies; an https issuer makes them {@code Secure}
     */
    public LogoutResponses(PageRenderer pages, URI issuer) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.steps = new StepResponses(pages, issuer);
        this.path = issuer.getRawPath() == null || issuer.getRawPath().isEmpty() ? "/" : issuer.getRawPath();
        this.secure = "https".equals(issuer.getScheme()) ? "; Secure" : "";
    }

    /** The response for {@code step}; {@code csrfCookieSent} removes a confirmation cookie once done with. */
    public Response render(LogoutStep step, boolean csrfCookieSent) {
        Objects.requireNonNull(step, "step");
        if (step instanceof LogoutStep.ErrorPage error) {
            return errorPage(400, error.error());
        }
        if (step instanceof LogoutStep.CsrfRejected) {
            return HtmlPages.page(403, pages.render("error", Map.of("title", "Request refused", "description", CSRF)));
        }
        if (step instanceof LogoutStep.Confirm confirm) {
            return withCookies(confirmPage(confirm), List.of(
                    CSRF_COOKIE + "=" + confirm.csrfToken() + attributes("Strict")));
        }
        LogoutStep.SignedOut signedOut = (LogoutStep.SignedOut) step;
        List<String> cookies = new ArrayList<>();
        if (signedOut.clearSessionCookie()) {
            cookies.add(StepResponses.SESSION_COOKIE + EXPIRED + attributes("Lax"));
        }
        if (csrfCookieSent) {
            cookies.add(CSRF_COOKIE + EXPIRED + attributes("Strict"));
        }
        Response response = signedOut.redirect().isPresent()
                ? Response.fromResponse(HtmlPages.page(303, "")).location(signedOut.redirect().get()).build()
                : HtmlPages.page(200, pages.render("logout", Map.of("title", "Signed out", "confirm", false)));
        return withCookies(response, cookies);
    }

    /**
     * A 303 to {@code GET logout} with {@code parameters} in the query: a cross-site POST carries no
     * {@code SameSite=Lax} cookie, the top-level GET the browser makes next does.
     */
    public Response continueAsGet(Map<String, String> parameters) {
        String query = parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        URI location = URI.create(query.isEmpty() ? "logout" : "logout?" + query);
        return Response.fromResponse(HtmlPages.page(303, "")).location(location).build();
    }

    /** An error page, for a request refused before the use case or by it. */
    public Response errorPage(int status, OAuthError error) {
        return steps.errorPage(status, error);
    }

    private Response confirmPage(LogoutStep.Confirm confirm) {
        List<Map<String, String>> fields = confirm.parameters().entrySet().stream()
                .map(entry -> Map.of("name", entry.getKey(), "value", entry.getValue())).toList();
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Sign out");
        scope.put("confirm", true);
        scope.put("fields", fields);
        scope.put("csrfToken", confirm.csrfToken());
        return HtmlPages.page(200, pages.render("logout", scope));
    }

    private String attributes(String sameSite) {
        return "; Path=" + path + "; HttpOnly; SameSite=" + sameSite + secure;
    }

    private static Response withCookies(Response response, List<String> cookies) {
        Response.ResponseBuilder builder = Response.fromResponse(response);
        cookies.forEach(cookie -> builder.header(HttpHeaders.SET_COOKIE, cookie));
        return builder.build();
    }
}
