package dev.portcullis.oauth.domain.client;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the tokens issued to one client live.
 *
 * @param accessToken       access token lifetime (RFC 9068 {@code exp - iat})
 * @param refreshToken      absolute refresh token lifetime: a refresh token family ends this long
 *                          after its first token was issued, however often it is rotated
 * @param authorizationCode authorization code lifetime (RFC 6749 §4.1.2 recommends at most 10 minutes)
 * @param refreshTokenIdle  idle refresh token lifetime: each refresh token of a family expires this
 *                          long after it was issued unless used (and so rotated) before; at most
 *                          {@code refreshToken}
 */
public record TokenLifetimes(Duration accessToken, Duration refreshToken, Duration authorizationCode,
                             Duration refreshTokenIdle) {

    /** Five-minute access tokens, 30-day refresh tokens without a shorter idle limit, 60-second codes. */
    public static final TokenLifetimes DEFAULTS =
            new TokenLifetimes(Duration.ofMinutes(5), Duration.ofDays(30), Duration.ofSeconds(60));

    public TokenLifetimes {
        requirePositive(accessToken, "accessToken");
        requirePositive(refreshToken, "refreshToken");
        requirePositive(authorizationCode, "authorizationCode");
        requirePositive(refreshTokenIdle, "refreshTokenIdle");
        if (authorizationCode.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("authorizationCode lifetime must be at most 10 minutes (RFC 6749 §4.1.2)");
        }
        if (refreshTokenIdle.compareTo(refreshToken) > 0) {
            throw new IllegalArgumentException("refreshTokenIdle must not exceed the refreshToken lifetime");
        }
    }

    /** Lifetimes whose idle refresh token lifetime equals the absolute one, so only the absolute one applies. */
    public TokenLifetimes(Duration accessToken, Duration refreshToken, Duration authorizationCode) {
        this(accessToken, refreshToken, authorizationCode, refreshToken);
    }

    /** A copy with another access token lifetime. */
    public TokenLifetimes withAccessToken(Duration lifetime) {
        return new TokenLifetimes(lifetime, refreshToken, authorizationCode, refreshTokenIdle);
    }

    /** A copy with another idle refresh token lifetime, at most {@link #refreshToken()}. */
    public TokenLifetimes withRefreshTokenIdle(Duration lifetime) {
        return new TokenLifetimes(accessToken, refreshToken, authorizationCode, lifetime);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero() || duration.getNano() != 0) {
            throw new IllegalArgumentException(name + " must be a positive whole number of seconds");
        }
    }
}
