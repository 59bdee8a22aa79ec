package dev.portcullis.oauth.application.authorization;

import java.util.Objects;
import java.util.Optional;

/**
 * What the login form sent. Never logged ({@link #toString()} omits the password).
 *
 * @param requestId     the pending request's id (hidden field)
 * @param csrfToken     the form's CSRF token (hidden field)
 * @param flowCookie    the flow cookie value, if the browser sent one
 * @param username      the {@code username} field as typed; may be empty
 * @param password      the {@code password} field as typed; may be empty
 * @param clientAddress the address of the connection the form came on, when the host knows it
 */
public record LoginAttempt(String requestId, String csrfToken, Optional<String> flowCookie, String username,
                           String password, Optional<String> clientAddress) {

    public LoginAttempt {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(flowCookie, "flowCookie");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(clientAddress, "clientAddress");
    }

    @Override
    public String toString() {
        return "LoginAttempt[redacted]";
    }
}
