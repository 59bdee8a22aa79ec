package dev.portcullis.oauth.application.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a job's last run went, as kept in memory for logs and metrics.
 *
 * @param job          the job's name
 * @param startedAt    when it started
 * @param duration     how long it took
 * @param outcome      what happened
 * @param rowsAffected rows (or keys) changed; 0 unless {@link Outcome#COMPLETED}
 */
public record JobRun(String job, Instant startedAt, Duration duration, Outcome outcome, int rowsAffected) {

    /** How a run ended. */
    public enum Outcome {
        /** The work ran to its end. */
        COMPLETED,
        /** Another instance held the job's lock, so this one did nothing. */
        SKIPPED,
        /** The work threw; the next run tries again. */
        FAILED
    }

    public JobRun {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
