package dev.portcullis.oauth.application.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SecretVerificationCacheTest {

    private static final ClientId CLIENT = new ClientId("client-1");
    private static final HashedSecret STORED = new HashedSecret("$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA");
    private static final ClientSecret SECRET = new ClientSecret("secret-1");

    private final SecretVerificationCache cache = new SecretVerificationCache(new SecureRandom(), 10);

    @Test
    void containsWhenNothingRememberedThenFalse() {
        boolean hit = cache.contains(CLIENT, STORED, SECRET);

        assertFalse(hit);
    }

    @Test
    void containsWhenRememberedThenTrue() {
        cache.remember(CLIENT, STORED, SECRET);

        boolean hit = cache.contains(CLIENT, STORED, new ClientSecret("secret-1"));

        assertTrue(hit);
    }

    @Test
    void containsWhenOtherSecretPresentedThenFalse() {
        cache.remember(CLIENT, STORED, SECRET);

        boolean hit = cache.contains(CLIENT, STORED, new ClientSecret("secret-2"));

        assertFalse(hit);
    }

    @Test
    void containsWhenStoredHashChangedThenFalse() {
        cache.remember(CLIENT, STORED, SECRET);

        boolean hit = cache.contains(CLIENT, new HashedSecret("$pbkdf2-sha256$i=1000$b3RoZXI$aGFzaA"), SECRET);

        assertFalse(hit);
    }

    @Test
    void containsWhenRememberedForOtherClientThenFalse() {
        cache.remember(CLIENT, STORED, SECRET);

        boolean hit = cache.contains(new ClientId("client-2"), STORED, SECRET);

        assertFalse(hit);
    }

    @Test
    void rememberWhenFullThenEarlierEntriesCleared() {
        SecretVerificationCache small = new SecretVerificationCache(new SecureRandom(), 2);
        small.remember(new ClientId("a"), STORED, SECRET);
        small.remember(new ClientId("b"), STORED, SECRET);

        small.remember(new ClientId("c"), STORED, SECRET);

        assertFalse(small.contains(new ClientId("a"), STORED, SECRET));
        assertFalse(small.contains(new ClientId("b"), STORED, SECRET));
        assertTrue(small.contains(new ClientId("c"), STORED, SECRET));
    }

    @Test
    void rememberWhenBelowBoundThenEarlierEntriesKept() {
        SecretVerificationCache small = new SecretVerificationCache(new SecureRandom(), 2);
        small.remember(new ClientId("a"), STORED, SECRET);

        small.remember(new ClientId("b"), STORED, SECRET);

        assertTrue(small.contains(new ClientId("a"), STORED, SECRET));
    }

    @Test
    void constructorWhenMaxEntriesNotPositiveThenIllegalArgument() {
        SecureRandom random = new SecureRandom();

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> new SecretVerificationCache(random, 0));

        assertEquals("maxEntries must be positive", thrown.getMessage());
    }

    @Test
    void verifyWhenRememberedThenSlowCheckNotRun() {
        cache.remember(CLIENT, STORED, SECRET);

        boolean matches = cache.verify(CLIENT, STORED, new ClientSecret("secret-1"), () -> {
            throw new AssertionError("slow check run for a remembered secret");
        });

        assertTrue(matches);
    }

    @Test
    void verifyWhenSlowCheckMatchesThenRemembered() {
        boolean matches = cache.verify(CLIENT, STORED, SECRET, () -> true);

        assertTrue(matches);
        assertTrue(cache.contains(CLIENT, STORED, SECRET));
    }

    @Test
    void verifyWhenSlowCheckRefusesThenNotRemembered() {
        boolean matches = cache.verify(CLIENT, STORED, SECRET, () -> false);

        assertFalse(matches);
        assertFalse(cache.contains(CLIENT, STORED, SECRET));
    }

    @Test
    void verifyWhenSamePresentationArrivesDuringSlowCheckThenItWaitsForThatCheck() throws Exception {
        AtomicInteger slowChecks = new AtomicInteger();
        CompletableFuture<Boolean> second = new CompletableFuture<>();
        Thread waiter = new Thread(() -> second.complete(cache.verify(CLIENT, STORED, SECRET, () -> {
            slowChecks.incrementAndGet();
            return false;
        })));

        boolean first = cache.verify(CLIENT, STORED, SECRET, () -> {
            slowChecks.incrementAndGet();
            waiter.start();
            // The second call has found this check in flight once it parks on its answer.
            while (waiter.getState() != Thread.State.WAITING) {
                Thread.onSpinWait();
            }
            return true;
        });
        waiter.join();

        assertTrue(first);
        assertTrue(second.get());
        assertEquals(1, slowChecks.get());
    }

    @Test
    void verifyWhenSlowCheckThrowsThenNextCallChecksAgain() {
        assertThrows(IllegalStateException.class, () -> cache.verify(CLIENT, STORED, SECRET, () -> {
            throw new IllegalStateException("hash unreadable");
        }));

        boolean matches = cache.verify(CLIENT, STORED, SECRET, () -> true);

        assertTrue(matches);
    }
}
