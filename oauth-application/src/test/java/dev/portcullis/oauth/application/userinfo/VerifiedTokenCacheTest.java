package dev.portcullis.oauth.application.userinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class VerifiedTokenCacheTest {

    private static final AccessTokenVerifiers.KeyVerifier KEY = key();

    @Test
    void digestOfWhenTokensDifferInOneCharacterThenDifferentDigests() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);

        assertNotEquals(cache.digestOf("a.b.c"), cache.digestOf("a.b.d"));
        assertEquals(cache.digestOf("a.b.c"), cache.digestOf(new String("a.b.c".toCharArray())));
    }

    @Test
    void digestOfWhenNoDotOrNotAsciiThenNone() { // RFC 7515 §7.1: a compact JWS is ASCII with dots
        VerifiedTokenCache cache = new VerifiedTokenCache(10);

        assertNull(cache.digestOf("opaque-token-value"));
        assertNull(cache.digestOf("a.b.c\u00e9"));
    }

    @Test
    void digestOfWhenDisabledThenNone() {
        assertNull(new VerifiedTokenCache(0).digestOf("a.b.c"));
    }

    @Test
    void putWhenFullThenOldestEvicted() {
        VerifiedTokenCache cache = new VerifiedTokenCache(2);
        VerifiedTokenCache.Entry first = entry(cache, "a.b.1");
        VerifiedTokenCache.Entry second = entry(cache, "a.b.2");
        VerifiedTokenCache.Entry third = entry(cache, "a.b.3");

        cache.put(first);
        cache.put(second);
        cache.put(third);

        assertNull(cache.find(first.digest()));
        assertSame(second, cache.find(second.digest()));
        assertSame(third, cache.find(third.digest()));
    }

    @Test
    void putWhenManyThreadsInsertThenBoundHolds() throws Exception {
        VerifiedTokenCache cache = new VerifiedTokenCache(100);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = 0; i < 5_000; i++) {
                    cache.put(entry(cache, "a.b." + thread + "-" + i));
                }
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
        assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));

        assertTrue(cache.size() <= 100, "size " + cache.size());
    }

    @Test
    void clearWhenKeysChangedThenNothingFound() {
        VerifiedTokenCache cache = new VerifiedTokenCache(10);
        VerifiedTokenCache.Entry entry = entry(cache, "a.b.c");
        cache.put(entry);

        cache.clear();

        assertNull(cache.find(entry.digest()));
    }

    @Test
    void constructorWhenNegativeThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> new VerifiedTokenCache(-1));
    }

    private static VerifiedTokenCache.Entry entry(VerifiedTokenCache cache, String token) {
        return new VerifiedTokenCache.Entry(cache.digestOf(token), new JWSHeader(JWSAlgorithm.ES256),
                new JWTClaimsSet.Builder().build(), KEY, Instant.EPOCH);
    }

    private static AccessTokenVerifiers.KeyVerifier key() {
        try {
            return new AccessTokenVerifiers.KeyVerifier(JWSAlgorithm.HS256, new MACVerifier(new byte[32]));
        } catch (JOSEException e) {
            throw new AssertionError(e);
        }
    }
}
