package dev.portcullis.oauth.application.job;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes expired rows in bounded batches, so that one run never holds many row locks nor runs
 * for long: at most {@code maxBatches} deletes of {@code batchSize} rows, stopping at the first
 * batch that is not full. What is left waits for the next run. Thread-safe.
 */
public final class PruneExpired {

    /** A repository's bounded delete, e.g. {@code refreshTokens::deleteExpired}. */
    @FunctionalInterface
    public interface ExpiredRows {
        /** Deletes at most {@code limit} rows that expired strictly before {@code before}; returns how many. */
        int deleteExpired(Instant before, int limit);
    }

    private final ExpiredRows rows;
    private final Clock clock;
    private final int batchSize;
    private final int maxBatches;

    /**
     * @param rows       what to delete from
     * @param clock      the source of "now"
     * @param batchSize  rows per delete, at least 1
     * @param maxBatches deletes per run, at least 1
     */
    public PruneExpired(ExpiredRows rows, Clock clock, int batchSize, int maxBatches) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (batchSize < 1 || maxBatches < 1) {
            throw new IllegalArgumentException("batchSize and maxBatches must be at least 1");
        }
        this.batchSize = batchSize;
        this.maxBatches = maxBatches;
    }

    /** Deletes what expired before now, batch by batch; returns how many rows were deleted. */
    public int run() {
        Instant now = Instant.now(clock);
        int total = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int deleted = rows.deleteExpired(now, batchSize);
            total += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return total;
    }
}
