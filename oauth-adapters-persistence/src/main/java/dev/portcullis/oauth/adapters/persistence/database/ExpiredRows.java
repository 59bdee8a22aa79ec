package dev.portcullis.oauth.adapters.persistence.database;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Bounded deletion of expired rows, for the pruning jobs: one {@code DELETE} of at most
 * {@code limit} rows, earliest expiry first, so that one run never holds many row locks.
 * Neither PostgreSQL nor H2 has a portable {@code DELETE ... LIMIT}; a key subquery with
 * {@code ORDER BY ... LIMIT} runs on both.
 */
public final class ExpiredRows {

    private ExpiredRows() {
    }

    /**
     * Deletes rows of {@code table} whose {@code expires_at} is strictly before {@code before}, at
     * most {@code limit} of them.
     *
     * @param table     the table, a constant of the calling repository
     * @param keyColumn its single-column primary key, a constant of the calling repository
     * @return how many rows were deleted
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public static int delete(EntityManager entityManager, String table, String keyColumn, Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        requireLimit(limit);
        String sql = "DELETE FROM " + table + " WHERE " + keyColumn + " IN (SELECT " + keyColumn + " FROM " + table
                + " WHERE expires_at < ?1 ORDER BY expires_at LIMIT ?2)";
        return entityManager.createNativeQuery(sql)
                .setParameter(1, before.truncatedTo(ChronoUnit.MICROS))
                .setParameter(2, limit)
                .executeUpdate();
    }

    /**
     * Checks a limit before any transaction starts.
     *
     * @throws IllegalArgumentException when {@code limit} is negative
     */
    public static void requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }
}
