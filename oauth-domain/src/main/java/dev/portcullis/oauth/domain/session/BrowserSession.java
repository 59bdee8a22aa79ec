package dev.portcullis.oauth.domain.session;

import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in browser, as stored: the cookie value only as a hash.
 *
 * @param idHash    SHA-256 of the session cookie value, base64url
 * @param subject   the user
 * @param authTime  when the user last authenticated with a password (OIDC {@code auth_time})
 * @param expiresAt when the session ends
 */
public record BrowserSession(String idHash, Subject subject, Instant authTime, Instant expiresAt) {

    public BrowserSession {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the session is still valid at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
