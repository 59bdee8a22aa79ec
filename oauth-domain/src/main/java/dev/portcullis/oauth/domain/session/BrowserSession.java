package dev.portcullis.oauth.domain.session;

import dev.portcullis.oauth.domain.token.TokenHash;
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

    private static final int SID_LENGTH = 22;

    public BrowserSession {
        Objects.requireNonNull(idHash, "idHash");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The session's public identifier, the ID token's {@code sid}: {@link #sidOf(String) sidOf(idHash)}. */
    public String sid() {
        return sidOf(idHash);
    }

    /**
     * The public identifier of the session whose cookie hash is {@code idHash}, the {@code sid} claim
     * (OIDC Front-Channel Logout §3, Back-Channel Logout §2.4): the first 22 characters (132 bits) of
     * base64url(SHA-256("sid:" + idHash)). Stable for the session's life; it reveals neither the cookie
     * value nor its stored hash, so neither can be looked up or replayed from an ID token.
     */
    public static String sidOf(String idHash) {
        Objects.requireNonNull(idHash, "idHash");
        return TokenHash.of("sid:" + idHash).substring(0, SID_LENGTH);
    }

    /** Whether the session is still valid at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
