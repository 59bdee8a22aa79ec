package dev.portcullis.oauth.application.authorization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failures per key in a sliding window, in memory, with the injected clock. Per instance:
 * behind a load balancer each instance counts its own share, so N instances allow at most N times
 * the limit. Deliberately not in the database: a shared counter would turn every failed password
 * guess into a write on the database all instances depend on (README, "Several instances").
 * Bounded: expired keys are pruned when the map grows. Thread-safe.
 */
final class FailureCounter {

    private static final int PRUNE_ABOVE = 10_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final ConcurrentMap<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    FailureCounter(Clock clock, int limit, Duration window) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limit = limit;
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Whether {@code key} has reached the limit within the window ending now. */
    boolean isExhausted(String key) {
        Instant since = Instant.now(clock).minus(window);
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return false;
        }
        synchronized (times) {
            dropBefore(times, since);
            return times.size() >= limit;
        }
    }

    /** Records a failure of {@code key} now. */
    void record(String key) {
        Instant now = Instant.now(clock);
        if (failures.size() > PRUNE_ABOVE) {
            prune(now.minus(window));
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            dropBefore(times, now.minus(window));
            times.addLast(now);
        }
    }

    /** Forgets the failures of {@code key}. */
    void clear(String key) {
        failures.remove(key);
    }

    private void prune(Instant since) {
        failures.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                dropBefore(entry.getValue(), since);
                return entry.getValue().isEmpty();
            }
        });
    }

    private static void dropBefore(Deque<Instant> times, Instant since) {
        while (!times.isEmpty() && !times.peekFirst().isAfter(since)) {
            times.removeFirst();
        }
    }
}
