package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.authorization.ResponseMode;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the browser is shown next in the authorization flow. The REST adapter turns each member into
 * a page or a redirect; nothing here knows HTTP.
 */
public sealed interface AuthorizationStep {

    /**
     * An error shown on the server's own page, never sent to the redirect URI: the client or the
     * redirect URI cannot be trusted (RFC 6749 §4.1.2.1, RFC 9700 §4.11.1), or the pending request is
     * unknown or expired.
     */
    record ErrorPage(OAuthError error) implements AuthorizationStep {
        public ErrorPage {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * The authorization response to the client (RFC 6749 §4.1.2 and §4.1.2.1): a code or an error, with
     * {@code state} and {@code iss} (RFC 9207), returned as {@code responseMode} says.
     *
     * @param redirectUri  the URI the client sent
     * @param responseMode query, fragment or form_post
     * @param parameters   the response parameters, in the order they are written
     */
    record Redirect(URI redirectUri, ResponseMode responseMode, Map<String, String> parameters) implements AuthorizationStep {
        public Redirect {
            Objects.requireNonNull(redirectUri, "redirectUri");
            Objects.requireNonNull(responseMode, "responseMode");
            parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        }

        @Override
        public String toString() {
            // The parameters may hold a code.
            return "Redirect[" + redirectUri + ", " + responseMode.value() + ", " + parameters.keySet() + "]";
        }
    }

    /** The user must act on a page: the browser is sent to it, carrying the pending request's id. */
    record Interaction(Page page, String requestId) implements AuthorizationStep {
        public Interaction {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * The sign-in form.
     *
     * @param requestId  the pending request's id, for the hidden field
     * @param csrfToken  the form's CSRF token
     * @param clientName the client's {@code client_name}
     * @param username   the username to prefill ({@code login_hint}, or what was typed)
     * @param problem    why the form is shown again, if it is
     * @param uiLocales  the request's valid {@code ui_locales}, preferred first (OIDC Core §3.1.2.1)
     */
    record LoginPage(String requestId, String csrfToken, String clientName, Optional<String> username,
                     Optional<LoginProblem> problem, List<String> uiLocales) implements AuthorizationStep {
        public LoginPage {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(clientName, "clientName");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(problem, "problem");
            uiLocales = List.copyOf(uiLocales);
        }
    }

    /**
     * The consent form.
     *
     * @param requestId  the pending request's id, for the hidden field
     * @param csrfToken  the form's CSRF token
     * @param clientName the client's {@code client_name}
     * @param scopes     the requested scopes with their descriptions (empty when not defined)
     * @param uiLocales  the request's valid {@code ui_locales}, preferred first (OIDC Core §3.1.2.1)
     * @param claims     the claims asked for one by one (OIDC Core §5.5) that the scopes do not release, sorted
     */
    record ConsentPage(String requestId, String csrfToken, String clientName, List<ScopeDefinition> scopes,
                       List<String> uiLocales, List<String> claims) implements AuthorizationStep {
        public ConsentPage {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(csrfToken, "csrfToken");
            Objects.requireNonNull(clientName, "clientName");
            scopes = List.copyOf(scopes);
            uiLocales = List.copyOf(uiLocales);
            claims = List.copyOf(claims);
        }
    }

    /** A form arrived without the right CSRF token: nothing was done. */
    record CsrfRejected() implements AuthorizationStep {
    }

    /**
     * A step of a pending request came from a browser other than the one that started it: without
     * its flow cookie, or with another one. Nothing was done (RFC 9700 §4.4.1.8, login CSRF).
     */
    record BrowserMismatch() implements AuthorizationStep {
    }

    /**
     * A pending request was bound to a new flow cookie: the browser gets the cookie, then
     * {@code next}. Never logged ({@link #toString()} redacts the value).
     *
     * @param flowCookie the flow cookie value (256 bits); the request stores only its hash
     * @param next       what follows
     */
    record FlowStarted(String flowCookie, AuthorizationStep next) implements AuthorizationStep {
        public FlowStarted {
            Objects.requireNonNull(flowCookie, "flowCookie");
            Objects.requireNonNull(next, "next");
        }

        @Override
        public String toString() {
            return "FlowStarted[redacted, " + next + "]";
        }
    }

    /**
     * The user signed in: the browser gets the new session cookie, then {@code next}.
     *
     * @param session the new session
     * @param next    what follows the sign-in
     */
    record SignedIn(NewBrowserSession session, AuthorizationStep next) implements AuthorizationStep {
        public SignedIn {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(next, "next");
        }
    }

    /** The pages of the flow. */
    enum Page {
        /** {@code /login}. */
        LOGIN,
        /** {@code /consent}. */
        CONSENT
    }

    /** Why the sign-in form is shown again. */
    enum LoginProblem {
        /** Unknown user or wrong password; the two are not told apart. */
        INVALID_CREDENTIALS,
        /** Too many failed attempts for the username or the address. */
        THROTTLED,
        /** The identity backend could not answer; nothing was issued. */
        UNAVAILABLE
    }
}
