package dev.portcullis.oauth.application.authorization;

import java.time.Duration;
import java.util.Objects;

/**
 * How many failed sign-ins are tolerated within a sliding window before the login form refuses
 * further attempts (RFC 9700 §4.10 asks to slow down online guessing; OWASP ASVS V2.2.1).
 *
 * @param perUsername failures per username (any address)
 * @param perAddress  failures per client address (any username)
 * @param window      the sliding window
 */
public record LoginLimits(int perUsername, int perAddress, Duration window) {

    /** Five failures per username and twenty per address within five minutes. */
    public static final LoginLimits DEFAULTS = new LoginLimits(5, 20, Duration.ofMinutes(5));

    public LoginLimits {
        Objects.requireNonNull(window, "window");
        if (perUsername < 1 || perAddress < 1) {
            throw new IllegalArgumentException("login limits must be positive");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the login limit window must be positive");
        }
    }
}
