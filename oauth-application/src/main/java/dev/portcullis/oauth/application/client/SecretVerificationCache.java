package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.client.HashedSecret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers which client secrets were recently verified against which stored hash, so that the
 * slow hash runs once per secret rather than once per request. Thread-safe and bounded.
 *
 * <p>An entry holds an HMAC-SHA256 of the presented secret under a random key that lives only in
 * this process's memory: a heap dump yields no secret and no offline-guessable hash. An entry is
 * valid only for the stored hash it was verified against, so a rotated secret invalidates it.
 *
 * <p>Concurrent requests that present the same secret for the same client while it is not yet
 * remembered share one slow check ({@link #verify}): a burst of a client's first requests (or an
 * attacker repeating one guess) costs one slow hash, not one per request.
 */
public final class SecretVerificationCache {

    private static final String HMAC = "HmacSHA256";

    private record Entry(HashedSecret stored, byte[] mac) {
    }

    /** One presentation being checked: the MAC in hex, so that equal presentations are equal keys. */
    private record Attempt(ClientId client, HashedSecret stored, String mac) {
    }

    private final ConcurrentHashMap<ClientId, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Attempt, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final int maxEntries;
    /** A Mac per thread: Mac.getInstance walks the provider list, too slow for every request. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /**
     * @param random     source of the process-local HMAC key
     * @param maxEntries how many clients are remembered at most; the cache empties when full
     */
    public SecretVerificationCache(SecureRandom random, int maxEntries) {
        Objects.requireNonNull(random, "random");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        this.key = new SecretKeySpec(bytes, HMAC);
        this.maxEntries = maxEntries;
    }

    /**
     * Whether {@code presented} matches {@code stored} for {@code client}: at once when it was
     * verified recently, else by {@code slowCheck}, which runs once for concurrent calls with the
     * same client, stored hash and presented secret (the others wait for its answer). A match is
     * remembered.
     *
     * @param slowCheck the slow hash comparison of {@code presented} with {@code stored}
     * @throws RuntimeException what {@code slowCheck} threw, in every call that waited for it
     */
    boolean verify(ClientId client, HashedSecret stored, ClientSecret presented, BooleanSupplier slowCheck) {
        byte[] mac = mac(presented);
        Entry entry = entries.get(client);
        if (entry != null && entry.stored().equals(stored) && MessageDigest.isEqual(entry.mac(), mac)) {
            return true;
        }
        Attempt attempt = new Attempt(client, stored, HexFormat.of().formatHex(mac));
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(attempt, mine);
        if (running != null) {
            return awaitOther(running);
        }
        try {
            boolean matches = slowCheck.getAsBoolean();
            if (matches) {
                remember(client, stored, mac);
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(attempt, mine);
        }
    }

    private static boolean awaitOther(CompletableFuture<Boolean> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** Whether {@code presented} was verified against {@code stored} for {@code client}; constant time. */
    boolean contains(ClientId client, HashedSecret stored, ClientSecret presented) {
        Entry entry = entries.get(client);
        return entry != null && entry.stored().equals(stored) && MessageDigest.isEqual(entry.mac(), mac(presented));
    }

    /** Records that {@code presented} matches {@code stored} for {@code client}. */
    void remember(ClientId client, HashedSecret stored, ClientSecret presented) {
        remember(client, stored, mac(presented));
    }

    private void remember(ClientId client, HashedSecret stored, byte[] mac) {
        if (entries.size() >= maxEntries) {
            // Simple and bounded: an attacker cannot grow memory, and a flush costs one slow hash per client.
            entries.clear();
        }
        entries.put(client, new Entry(stored, mac));
    }

    private byte[] mac(ClientSecret secret) {
        // doFinal resets the Mac, so each thread's instance is ready for its next use.
        return macs.get().doFinal(secret.value().getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
