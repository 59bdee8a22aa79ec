package dev.portcullis.oauth.application.job;

import dev.portcullis.oauth.domain.port.JobLock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Work the {@link JobScheduler} runs every {@code interval}.
 *
 * @param name     a stable name, e.g. {@code prune-refresh-tokens}: the key of its run record and,
 *                 for an exclusive job, of its lock
 * @param interval the pause between the end of one run and the start of the next; positive
 * @param work     the work
 */
public record RecurringJob(String name, Duration interval, Work work) {

    /** One run of a job's work. */
    @FunctionalInterface
    public interface Work {
        /**
         * Does the work once.
         *
         * @return how many rows (or keys) it changed; empty when it did not run because another
         *         instance held its lock
         */
        Optional<Integer> run();
    }

    public RecurringJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(work, "work");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** A job that one runner at a time runs: {@code work} runs under the job lock of {@code name}, or not at all. */
    public static RecurringJob exclusive(String name, Duration interval, JobLock lock, IntSupplier work) {
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(work, "work");
        return new RecurringJob(name, interval, () -> lock.runExclusively(name, work::getAsInt));
    }

    /** A job every instance runs for itself, e.g. reloading its signing keys. */
    public static RecurringJob local(String name, Duration interval, IntSupplier work) {
        Objects.requireNonNull(work, "work");
        return new RecurringJob(name, interval, () -> Optional.of(work.getAsInt()));
    }
}
