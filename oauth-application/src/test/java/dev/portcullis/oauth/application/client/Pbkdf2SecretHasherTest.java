package dev.portcullis.oauth.application.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2SecretHasherTest {

    private static final ClientSecret SECRET = new ClientSecret("correct horse battery staple");

    private final Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);

    @Test
    void matchesWhenSameSecretThenTrue() {
        HashedSecret stored = hasher.hash(SECRET);

        boolean matches = hasher.matches(new ClientSecret("correct horse battery staple"), stored);

        assertTrue(matches);
    }

    @Test
    void matchesWhenOtherSecretThenFalse() {
        HashedSecret stored = hasher.hash(SECRET);

        boolean matches = hasher.matches(new ClientSecret("correct horse battery stapler"), stored);

        assertFalse(matches);
    }

    @Test
    void hashWhenCalledThenSelfDescribingFormatWithIterations() {
        HashedSecret stored = hasher.hash(SECRET);

        assertTrue(stored.encoded().matches("\\$pbkdf2-sha256\\$i=1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"),
                stored.encoded());
    }

    @Test
    void hashWhenSameSecretTwiceThenDifferentSalts() {
        HashedSecret first = hasher.hash(SECRET);

        HashedSecret second = hasher.hash(SECRET);

        assertNotEquals(first, second);
    }

    @Test
    void matchesWhenHashMadeWithOtherIterationCountThenStoredCountHonoured() {
        HashedSecret stored = new Pbkdf2SecretHasher(new SecureRandom(), 2000).hash(SECRET);

        boolean matches = hasher.matches(SECRET, stored);

        assertTrue(matches);
    }

    @Test
    void matchesWhenIterationCountAlteredThenFalse() {
        HashedSecret stored = hasher.hash(SECRET);
        HashedSecret altered = new HashedSecret(stored.encoded().replace("$i=1000$", "$i=1001$"));

        boolean matches = hasher.matches(SECRET, altered);

        assertFalse(matches);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$test$not-a-real-hash$c2VjcmV0",
            "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$pbkdf2-sha256$i=1000",
            "$pbkdf2-sha256$i=1000$c2FsdA",
            "$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA$extra",
            "$pbkdf2-sha256$i=abc$c2FsdA$aGFzaA",
            "$pbkdf2-sha256$i=0$c2FsdA$aGFzaA",
            "$pbkdf2-sha256$i=-5$c2FsdA$aGFzaA",
            "$pbkdf2-sha256$i=99999999999$c2FsdA$aGFzaA",
            "$pbkdf2-sha256$i=1000$not*base64$aGFzaA",
            "$pbkdf2-sha256$i=1000$c2FsdA$not*base64",
            "$pbkdf2-sha256$i=1000$$aGFzaA",
            "$pbkdf2-sha256$i=1000$c2FsdA$",
            "pbkdf2-sha256$i=1000$c2FsdA$aGFzaA"})
    void matchesWhenStoredHashMalformedOrUnknownThenFalseWithoutThrowing(String encoded) {
        HashedSecret stored = new HashedSecret(encoded);

        boolean matches = hasher.matches(SECRET, stored);

        assertFalse(matches);
    }

    @Test
    void constructorWhenFewerThan1000IterationsThenIllegalArgument() {
        SecureRandom random = new SecureRandom();

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new Pbkdf2SecretHasher(random, 999));

        assertEquals("iterations must be between 1000 and 10000000", thrown.getMessage());
    }

    @Test
    void defaultIterationsWhenReadThenOwaspRecommendation() {
        int iterations = Pbkdf2SecretHasher.DEFAULT_ITERATIONS;

        assertEquals(600_000, iterations);
    }
}
