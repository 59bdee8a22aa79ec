package dev.portcullis.oauth.domain.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenLifetimesTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    @Test
    void constructorWhenCodeLivesLongerThanTenMinutesThenIllegalArgument() { // RFC 6749 §4.1.2
        Duration code = Duration.ofMinutes(10).plusSeconds(1);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new TokenLifetimes(FIVE_MINUTES, THIRTY_DAYS, code));

        assertEquals("authorizationCode lifetime must be at most 10 minutes (RFC 6749 §4.1.2)", thrown.getMessage());
    }

    @Test
    void constructorWhenCodeLivesExactlyTenMinutesThenAccepted() { // RFC 6749 §4.1.2
        Duration code = Duration.ofMinutes(10);

        TokenLifetimes lifetimes = new TokenLifetimes(FIVE_MINUTES, THIRTY_DAYS, code);

        assertEquals(code, lifetimes.authorizationCode());
    }

    @Test
    void constructorWhenAccessTokenLifetimeIsZeroThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new TokenLifetimes(Duration.ZERO, THIRTY_DAYS, Duration.ofSeconds(60)));

        assertEquals("accessToken must be a positive whole number of seconds", thrown.getMessage());
    }

    @Test
    void constructorWhenRefreshTokenLifetimeIsNegativeThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new TokenLifetimes(FIVE_MINUTES, Duration.ofSeconds(-1), Duration.ofSeconds(60)));

        assertEquals("refreshToken must be a positive whole number of seconds", thrown.getMessage());
    }

    @Test
    void constructorWhenLifetimeHasFractionalSecondsThenIllegalArgument() {
        Duration fractional = Duration.ofMillis(1500);

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new TokenLifetimes(fractional, THIRTY_DAYS, Duration.ofSeconds(60)));

        assertEquals("accessToken must be a positive whole number of seconds", thrown.getMessage());
    }

    @Test
    void defaultsWhenReadThenFiveMinutesThirtyDaysSixtySeconds() {
        TokenLifetimes defaults = TokenLifetimes.DEFAULTS;

        assertEquals(new TokenLifetimes(FIVE_MINUTES, THIRTY_DAYS, Duration.ofSeconds(60)), defaults);
    }

    @Test
    void withAccessTokenWhenCalledThenOnlyAccessTokenChanges() {
        TokenLifetimes changed = TokenLifetimes.DEFAULTS.withAccessToken(Duration.ofMinutes(1));

        assertEquals(new TokenLifetimes(Duration.ofMinutes(1), THIRTY_DAYS, Duration.ofSeconds(60)), changed);
    }
}
