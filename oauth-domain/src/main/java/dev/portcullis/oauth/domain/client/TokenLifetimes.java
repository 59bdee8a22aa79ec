package dev.portcullis.oauth.domain.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the tokens issued to one client live.
 *
 * @param accessToken       access token lifetime (RFC 9068 {@code exp - iat})
 * @param refreshToken      absolute refresh token lifetime
 * @param authorizationCode authorization code lifetime (RFC 6749 §4.1.2 recommends at most 10 minutes)
 */
public record TokenLifetimes(Duration accessToken, Duration refreshToken, Duration authorizationCode) {

    /** Five-minute access tokens, 30-day refresh tokens, 60-second codes. */
    public static final TokenLifetimes DEFAULTS =
            new TokenLifetimes(Duration.ofMinutes(5), Duration.ofDays(30), Duration.ofSeconds(60));

    public TokenLifetimes {
        requirePositive(accessToken, "accessToken");
        requirePositive(refreshToken, "refreshToken");
        requirePositive(authorizationCode, "authorizationCode");
        if (authorizationCode.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("authorizationCode lifetime must be at most 10 minutes (RFC 6749 §4.1.2)");
        }
    }

    /** A copy with another access token lifetime. */
    public TokenLifetimes withAccessToken(Duration lifetime) {
        return new TokenLifetimes(lifetime, refreshToken, authorizationCode);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number of seconds");
        }
    }
}
