package dev.portcullis.oauth.application.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/** Bounded removal of expired entries from a concurrent map, shared by the in-memory repositories. */
final class ExpiredEntries {

    private ExpiredEntries() {
    }

    /**
     * Removes up to {@code limit} entries whose expiry is before {@code before}, earliest first.
     * An entry changed or removed concurrently is left to that other call and not counted.
     *
     * @return how many entries this call removed
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    static <K, V> int delete(ConcurrentMap<K, V> map, Function<V, Instant> expiresAt, Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        requireLimit(limit);
        List<Map.Entry<K, V>> expired = map.entrySet().stream()
                .filter(entry -> expiresAt.apply(entry.getValue()).isBefore(before))
                .sorted(Comparator.comparing((Map.Entry<K, V> entry) -> expiresAt.apply(entry.getValue())))
                .limit(limit)
                .toList();
        int removed = 0;
        for (Map.Entry<K, V> entry : expired) {
            if (map.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }

    /** @throws IllegalArgumentException when {@code limit} is negative */
    static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
