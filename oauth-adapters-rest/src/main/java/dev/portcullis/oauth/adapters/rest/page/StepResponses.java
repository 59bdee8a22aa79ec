package dev.portcullis.oauth.adapters.rest.page;

import dev.portcullis.oauth.application.authorization.AuthorizationStep;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns each {@link AuthorizationStep} into HTTP: pages with their status, 303 redirects (RFC 9700
 * §4.12: never 307 after a form POST), the form_post page, the session cookie and the flow cookie.
 * Both cookies are {@code HttpOnly}, {@code SameSite=Lax}, scoped to the issuer's path, {@code Secure}
 * when the issuer is https, and end with the browser session. Thread-safe.
 */
public final class StepResponses {

    /** The browser session cookie. */
    public static final String SESSION_COOKIE = "portcullis_session";
    /**
     * The cookie that binds a pending request to the browser that started it (RFC 9700 §4.4.1.8).
     * {@code SameSite=Lax}: a cross-site form POST does not carry it, so a forged login is refused.
     */
    public static final String FLOW_COOKIE = "portcullis_flow";

    static final String INVALID_CREDENTIALS = "The username or password is incorrect.";
    static final String THROTTLED = "Too many failed sign-in attempts. Wait a few minutes, then try again.";
    static final String UNAVAILABLE = "The sign-in service is unavailable. Please try again later.";
    static final String CSRF = "The form has expired or did not come from this site. Go back to the application and start again.";
    static final String OTHER_BROWSER = "This sign-in request was started in another browser. "
            + "Go back to the application and start again.";

    /** The {@code lang} of a page without {@code ui_locales}: the built-in texts are English. */
    static final String DEFAULT_LANG = "en";

    private final PageRenderer pages;
    private final String cookieAttributes;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param pages  the templates
     * @param issuer the issuer: its path scopes the cookie; an https issuer makes it {@code Secure}
     */
    public StepResponses(PageRenderer pages, URI issuer) {
        this.pages = Objects.requireNonNull(pages, "pages");
        String path = issuer.getRawPath() == null || issuer.getRawPath().isEmpty() ? "/" : issuer.getRawPath();
        this.cookieAttributes = "; Path=" + path + "; HttpOnly; SameSite=Lax"
                + ("https".equals(issuer.getScheme()) ? "; Secure" : "");
    }

    /** The session cookie value the browser sent; empty when none. */
    public static Optional<String> sessionCookie(HttpHeaders headers) {
        return cookie(headers, SESSION_COOKIE);
    }

    /** The flow cookie value the browser sent; empty when none. */
    public static Optional<String> flowCookie(HttpHeaders headers) {
        return cookie(headers, FLOW_COOKIE);
    }

    private static Optional<String> cookie(HttpHeaders headers, String name) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null || cookie.getValue().isEmpty() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    /** The response for {@code step}. */
    public Response render(AuthorizationStep step) {
        Objects.requireNonNull(step, "step");
        if (step instanceof AuthorizationStep.SignedIn signedIn) {
            return withCookie(render(signedIn.next()), SESSION_COOKIE, signedIn.session().cookieValue());
        }
        if (step instanceof AuthorizationStep.FlowStarted started) {
            return withCookie(render(started.next()), FLOW_COOKIE, started.flowCookie());
        }
        if (step instanceof AuthorizationStep.ErrorPage error) {
            return errorPage(400, error.error());
        }
        if (step instanceof AuthorizationStep.CsrfRejected) {
            return refused(CSRF);
        }
        if (step instanceof AuthorizationStep.BrowserMismatch) {
            return refused(OTHER_BROWSER);
        }
        if (step instanceof AuthorizationStep.Interaction interaction) {
            String path = interaction.page() == AuthorizationStep.Page.LOGIN ? "login" : "consent";
            return redirect(URI.create(path + "?request=" + interaction.requestId()));
        }
        if (step instanceof AuthorizationStep.LoginPage login) {
            return loginPage(login);
        }
        if (step instanceof AuthorizationStep.ConsentPage consent) {
            return consentPage(consent);
        }
        return clientRedirect((AuthorizationStep.Redirect) step);
    }

    /** An error page for a request refused before any use case, e.g. a wrong content type. */
    public Response errorPage(int status, OAuthError error) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Request refused");
        scope.put("error", error.code().value());
        scope.put("description", error.description());
        return HtmlPages.page(status, pages.render("error", scope));
    }

    private Response refused(String description) {
        return HtmlPages.page(403, pages.render("error",
                Map.of("title", "Request refused", "description", description)));
    }

    private Response loginPage(AuthorizationStep.LoginPage login) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Sign in");
        scope.put("clientName", login.clientName());
        scope.put("requestId", login.requestId());
        scope.put("csrfToken", login.csrfToken());
        scope.put("username", login.username().orElse(""));
        putLocales(scope, login.uiLocales());
        int status = 200;
        if (login.problem().isPresent()) {
            switch (login.problem().get()) {
                case INVALID_CREDENTIALS -> scope.put("message", INVALID_CREDENTIALS);
                case THROTTLED -> {
                    scope.put("message", THROTTLED);
                    status = 429;
                }
                case UNAVAILABLE -> {
                    scope.put("message", UNAVAILABLE);
                    status = 503;
                }
                default -> throw new IllegalStateException("unknown problem " + login.problem().get());
            }
        }
        return HtmlPages.page(status, pages.render("login", scope));
    }

    private Response consentPage(AuthorizationStep.ConsentPage consent) {
        List<Map<String, String>> scopes = consent.scopes().stream().map(StepResponses::scope).toList();
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Allow access");
        scope.put("clientName", consent.clientName());
        scope.put("requestId", consent.requestId());
        scope.put("csrfToken", consent.csrfToken());
        scope.put("scopes", scopes);
        // OIDC Core §5.5: claims asked for one by one, beyond the scopes, are shown too.
        scope.put("hasClaims", !consent.claims().isEmpty());
        scope.put("claims", consent.claims());
        putLocales(scope, consent.uiLocales());
        return HtmlPages.page(200, pages.render("consent", scope));
    }

    // OIDC Core §3.1.2.1: the first valid ui_locales tag is the page's language; a theme may use the rest.
    private static void putLocales(Map<String, Object> scope, List<String> uiLocales) {
        scope.put("lang", uiLocales.isEmpty() ? DEFAULT_LANG : uiLocales.get(0));
        scope.put("uiLocales", uiLocales);
    }

    private static Map<String, String> scope(ScopeDefinition definition) {
        return Map.of("name", definition.scope().value(), "description", definition.description());
    }

    private Response clientRedirect(AuthorizationStep.Redirect redirect) {
        String target = redirect.redirectUri().toString();
        switch (redirect.responseMode()) {
            case QUERY -> {
                // RFC 6749 §4.1.2: the parameters are added to the query component, keeping any query there.
                String separator = redirect.redirectUri().getRawQuery() == null ? "?" : "&";
                return redirect(URI.create(target + separator + encode(redirect.parameters())));
            }
            case FRAGMENT -> {
                return redirect(URI.create(target + "#" + encode(redirect.parameters())));
            }
            default -> {
                return formPost(target, redirect.parameters());
            }
        }
    }

    // OAuth 2.0 Form Post Response Mode §2: an auto-submitting form; the button serves browsers without script.
    private Response formPost(String action, Map<String, String> parameters) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        List<Map<String, String>> fields = parameters.entrySet().stream()
                .map(entry -> Map.of("name", entry.getKey(), "value", entry.getValue())).toList();
        Map<String, Object> scope = new HashMap<>();
        scope.put("title", "Continue");
        scope.put("action", action);
        scope.put("fields", fields);
        scope.put("nonce", nonce);
        return HtmlPages.pageWithScript(200, pages.render("form_post", scope), nonce);
    }

    private static Response redirect(URI location) {
        return HtmlPages.secured(Response.seeOther(location), HtmlPages.POLICY).build();
    }

    // No Max-Age or Expires: both cookies end with the browser session.
    private Response withCookie(Response response, String name, String value) {
        return Response.fromResponse(response)
                .header(HttpHeaders.SET_COOKIE, name + "=" + value + cookieAttributes)
                .build();
    }

    private static String encode(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
