package dev.portcullis.oauth.application.authorization;

import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.Objects;

/**
 * Who completed the sign-in step of a pending request, and in which browser session.
 *
 * @param subject       the user
 * @param authTime      when the user last entered a password (OIDC {@code auth_time})
 * @param sessionIdHash the hash of the browser session's cookie value; later steps must present that cookie
 */
public record Authentication(Subject subject, Instant authTime, String sessionIdHash) {

    public Authentication {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(sessionIdHash, "sessionIdHash");
    }
}
