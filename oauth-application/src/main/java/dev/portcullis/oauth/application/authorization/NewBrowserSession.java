package dev.portcullis.oauth.application.authorization;

import java.time.Instant;
import java.util.Objects;

/**
 * A browser session just started: the cookie value in clear, handed to the browser once. Never
 * logged ({@link #toString()} redacts it).
 *
 * @param cookieValue the value of the session cookie (256 bits)
 * @param expiresAt   when the session ends
 */
public record NewBrowserSession(String cookieValue, Instant expiresAt) {

    public NewBrowserSession {
        Objects.requireNonNull(cookieValue, "cookieValue");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "NewBrowserSession[redacted, expiresAt=" + expiresAt + "]";
    }
}
