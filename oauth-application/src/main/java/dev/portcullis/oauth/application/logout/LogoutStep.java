package dev.portcullis.oauth.application.logout;

import dev.portcullis.oauth.domain.error.OAuthError;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What the end-session endpoint answers; the REST adapter turns each step into HTTP. */
public sealed interface LogoutStep {

    /** The request cannot be trusted: an error page, never a redirect (OIDC RP-Initiated Logout §3). */
    record ErrorPage(OAuthError error) implements LogoutStep {
        public ErrorPage {
            Objects.requireNonNull(error, "error");
        }
    }

    /**
     * OIDC RP-Initiated Logout §2: the request is not proven to come from the relying party, so the
     * user is asked first. The page posts {@code parameters} and {@code csrf_token} back; the adapter
     * sets {@code csrfToken} as the confirmation cookie.
     *
     * @param csrfToken  a fresh random token, for both the cookie and the form
     * @param parameters the request parameters to post back with the answer
     */
    record Confirm(String csrfToken, Map<String, String> parameters) implements LogoutStep {
        public Confirm {
            Objects.requireNonNull(csrfToken, "csrfToken");
            parameters = Map.copyOf(parameters);
        }

        @Override
        public String toString() {
            return "Confirm[redacted, parameters=" + parameters.keySet() + "]";
        }
    }

    /** The confirmation form did not carry the token of its cookie: refused (403). */
    record CsrfRejected() implements LogoutStep {
    }

    /**
     * The session is ended.
     *
     * @param redirect           where the browser goes, the registered {@code post_logout_redirect_uri}
     *                           with {@code state}; empty for the "signed out" page
     * @param clearSessionCookie whether the browser sent a session cookie, which must now be removed
     */
    record SignedOut(Optional<URI> redirect, boolean clearSessionCookie) implements LogoutStep {
        public SignedOut {
            Objects.requireNonNull(redirect, "redirect");
        }
    }
}
