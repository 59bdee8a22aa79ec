package dev.portcullis.oauth.adapters.rest.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpIdentityBackendSettingsTest {

    private static final URI BASE = URI.create("https://id.example.com/api");

    @Test
    void builderWhenNothingSetThenDocumentedDefaults() {
        HttpIdentityBackendSettings settings = HttpIdentityBackendSettings.builder(BASE).build();

        assertEquals(new HttpIdentityBackendSettings(BASE, Optional.empty(), Duration.ofSeconds(2), Duration.ofSeconds(2),
                25, Duration.ZERO, 3, Duration.ofMillis(100), 50, 20, 10, Duration.ofSeconds(30), 3), settings);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://id.example.com", "/relative", "https://id.example.com/api?x=1",
        "https://id.example.com/api#f"})
    void constructorWhenBaseUriNotPlainHttpThenRefused(String uri) {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> HttpIdentityBackendSettings.builder(URI.create(uri)).build());

        assertEquals("baseUri must be an http or https URL without query or fragment", thrown.getMessage());
    }

    @Test
    void constructorWhenTimeoutZeroThenRefusedNamingIt() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> HttpIdentityBackendSettings.builder(BASE).timeout(Duration.ZERO).build());

        assertEquals("timeout must be positive", thrown.getMessage());
    }

    @Test
    void constructorWhenNoAttemptsThenRefusedNamingIt() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> HttpIdentityBackendSettings.builder(BASE).retry(0, Duration.ofMillis(1)).build());

        assertEquals("lookupAttempts must be at least 1", thrown.getMessage());
    }

    @Test
    void constructorWhenFailureRateOver100ThenRefusedNamingIt() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> HttpIdentityBackendSettings.builder(BASE)
                        .circuitBreaker(101, 10, 5, Duration.ofSeconds(1), 1).build());

        assertEquals("failureRateThreshold must be between 1 and 100", thrown.getMessage());
    }

    @Test
    void constructorWhenAuthorizationHasLineBreakThenRefused() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> HttpIdentityBackendSettings.builder(BASE).authorization("Bearer a\r\nX-Evil: 1").build());

        assertEquals("authorization must be a non-blank header value", thrown.getMessage());
    }

    @Test
    void toStringWhenAuthorizationSetThenRedacted() {
        HttpIdentityBackendSettings settings = HttpIdentityBackendSettings.builder(BASE).authorization("Bearer s3cret").build();

        assertFalse(settings.toString().contains("s3cret"), settings.toString());
    }
}
