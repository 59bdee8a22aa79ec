package dev.portcullis.oauth.application.authorization;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization request waiting for the user on the login or consent page, as stored: its id
 * only as a hash. The browser carries the id in the pages' hidden field.
 *
 * @param idHash         SHA-256 of the request id, base64url
 *                       (see {@link dev.portcullis.oauth.domain.token.TokenHash})
 * @param request        the validated request
 * @param csrfToken      the token every form of this request must send back
 * @param flowBindingHash SHA-256 of the flow cookie of the browser that started the request, base64url;
 *                       every later step must present that cookie (RFC 9700 §4.4.1.8, login CSRF)
 * @param authentication the signed-in user, once the sign-in step is done
 * @param expiresAt      when the request is abandoned
 */
public record PendingAuthorization(String idHash, AuthorizationRequest request, String csrfToken,
                                   String flowBindingHash, Optional<Authentication> authentication,
                                   Instant expiresAt) {

    public PendingAuthorization {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(flowBindingHash, "flowBindingHash");
        Objects.requireNonNull(authentication, "authentication");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** A copy that records the signed-in user. */
    public PendingAuthorization authenticatedAs(Authentication value) {
        return new PendingAuthorization(idHash, request, csrfToken, flowBindingHash, Optional.of(value), expiresAt);
    }

    /** Whether the request is still usable at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PendingAuthorization[client_id=" + request.clientId() + ", expiresAt=" + expiresAt + "]";
    }
}
