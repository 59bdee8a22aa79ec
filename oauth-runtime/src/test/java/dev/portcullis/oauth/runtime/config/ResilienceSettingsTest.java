package dev.portcullis.oauth.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.adapters.persistence.database.DatabaseResilience;
import dev.portcullis.oauth.adapters.rest.limit.RateLimit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResilienceSettingsTest {

    @TempDir
    Path dir;

    @Test
    void loadWhenNothingSetThenDefaultsAboveTheMeasuredTokenRate() {
        ResilienceSettings settings = new SettingsLoader(Map.of()).load().resilience();

        assertEquals(ResilienceSettings.DEFAULTS, settings);
        assertEquals(Optional.of(RateLimit.perSecond(5_000)), settings.tokenPerClient());
    }

    @Test
    void loadWhenEnvironmentSetsEveryKeyThenUsed() {
        ResilienceSettings settings = new SettingsLoader(Map.of(
                "PORTCULLIS_DB_QUERY_TIMEOUT", "2", "PORTCULLIS_DB_CONNECTION_TIMEOUT", "1",
                "PORTCULLIS_DB_CIRCUIT_FAILURE_RATE", "80", "PORTCULLIS_DB_CIRCUIT_MINIMUM_CALLS", "4",
                "PORTCULLIS_DB_CIRCUIT_OPEN_WAIT", "3", "PORTCULLIS_TOKEN_RATE_LIMIT", "100",
                "PORTCULLIS_LOGIN_RATE_LIMIT_USER", "6", "PORTCULLIS_LOGIN_RATE_LIMIT_ADDRESS", "60")).load().resilience();

        assertEquals(new DatabaseResilience(Duration.ofSeconds(2), 80, 4, Duration.ofSeconds(3), 3), settings.database());
        assertEquals(Duration.ofSeconds(1), settings.connectionTimeout());
        assertEquals(Optional.of(RateLimit.perSecond(100)), settings.tokenPerClient());
        assertEquals(RateLimit.perMinute(6), settings.loginPerUsername());
        assertEquals(RateLimit.perMinute(60), settings.loginPerAddress());
    }

    @Test
    void loadWhenTokenRateLimitZeroThenOff() {
        ResilienceSettings settings = new SettingsLoader(Map.of("PORTCULLIS_TOKEN_RATE_LIMIT", "0")).load().resilience();

        assertEquals(Optional.empty(), settings.tokenPerClient());
    }

    @Test
    void loadWhenFileSectionSetThenUsed() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "resilience:\n  db_query_timeout: 7\n  token_rate_limit: 0\n");

        ResilienceSettings settings = new SettingsLoader(Map.of()).load(file).resilience();

        assertEquals(Duration.ofSeconds(7), settings.database().queryTimeout());
        assertEquals(Optional.empty(), settings.tokenPerClient());
    }

    @Test
    void loadWhenFailureRateOutOfRangeThenErrorNamesTheKey() {
        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of("PORTCULLIS_DB_CIRCUIT_FAILURE_RATE", "101")).load());

        assertEquals("PORTCULLIS_DB_CIRCUIT_FAILURE_RATE: must be between 1 and 100", thrown.getMessage());
    }

    @Test
    void loadWhenFileHasUnknownResilienceKeyThenErrorNamesIt() throws IOException {
        Path file = Files.writeString(dir.resolve("p.yaml"), "resilience:\n  token_rate: 5\n");

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals("resilience.token_rate: unknown key", thrown.getMessage());
    }
}
