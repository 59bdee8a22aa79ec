package dev.portcullis.oauth.application.authorization;

import java.util.Objects;
import java.util.Optional;

/**
 * What the consent form sent.
 *
 * @param requestId     the pending request's id (hidden field)
 * @param csrfToken     the form's CSRF token (hidden field)
 * @param allow         whether the user pressed Allow (otherwise Deny)
 * @param sessionCookie the browser session cookie value, if sent
 * @param flowCookie    the flow cookie value, if sent
 */
public record ConsentDecision(String requestId, String csrfToken, boolean allow, Optional<String> sessionCookie,
                              Optional<String> flowCookie) {

    public ConsentDecision {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(sessionCookie, "sessionCookie");
        Objects.requireNonNull(flowCookie, "flowCookie");
    }

    @Override
    public String toString() {
        return "ConsentDecision[allow=" + allow + "]";
    }
}
