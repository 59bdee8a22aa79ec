package dev.portcullis.oauth.application.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link RecurringJob}s on one background thread, each every its interval after the previous
 * run ended, and keeps the last run of each ({@link #lastRuns()}) for metrics. A failing run is
 * logged and recorded, and the job runs again at its next time. Started and closed by whoever owns
 * the process (the runtime). Thread-safe.
 */
public final class JobScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

    private final Map<String, RecurringJob> jobs;
    private final Clock clock;
    private final Duration shutdownTimeout;
    private final Map<String, JobRun> lastRuns = new ConcurrentHashMap<>();
    private ScheduledExecutorService executor;

    /**
     * @param jobs            the jobs, with distinct names
     * @param clock           the source of run start times
     * @param shutdownTimeout how long {@link #close()} waits for a running job before interrupting it
     */
    public JobScheduler(List<RecurringJob> jobs, Clock clock, Duration shutdownTimeout) {
        Map<String, RecurringJob> byName = new LinkedHashMap<>();
        for (RecurringJob job : jobs) {
            if (byName.put(job.name(), job) != null) {
                throw new IllegalArgumentException("two jobs are named " + job.name());
            }
        }
        this.jobs = Map.copyOf(byName);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.shutdownTimeout = Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    }

    /**
     * Starts running every job, the first time one interval from now.
     *
     * @throws IllegalStateException when already started
     */
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("already started");
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "portcullis-jobs");
            thread.setDaemon(true);
            return thread;
        });
        for (RecurringJob job : jobs.values()) {
            long millis = job.interval().toMillis();
            executor.scheduleWithFixedDelay(() -> runOnce(job.name()), millis, millis, TimeUnit.MILLISECONDS);
        }
        LOG.info("background jobs started: {}", jobs.keySet());
    }

    /**
     * Runs the job {@code name} now, on the calling thread, and records the run.
     *
     * @throws IllegalArgumentException when there is no such job
     */
    public JobRun runOnce(String name) {
        RecurringJob job = Optional.ofNullable(jobs.get(name))
                .orElseThrow(() -> new IllegalArgumentException("no job named " + name));
        Instant startedAt = Instant.now(clock);
        long started = System.nanoTime();
        JobRun run;
        try {
            Optional<Integer> rows = job.work().run();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            run = rows.map(count -> new JobRun(name, startedAt, took, JobRun.Outcome.COMPLETED, count))
                    .orElseGet(() -> new JobRun(name, startedAt, took, JobRun.Outcome.SKIPPED, 0));
            if (run.rowsAffected() > 0) {
                LOG.info("job {} completed: rows={} durationMs={}", name, run.rowsAffected(), took.toMillis());
            } else {
                LOG.debug("job {} {}: rows=0 durationMs={}", name, run.outcome(), took.toMillis());
            }
        } catch (RuntimeException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            run = new JobRun(name, startedAt, took, JobRun.Outcome.FAILED, 0);
            LOG.error("job {} failed after {} ms; it runs again at its next time", name, took.toMillis(), e);
        }
        lastRuns.put(name, run);
        return run;
    }

    /** The last run of each job that has run, by job name; a snapshot. */
    public Map<String, JobRun> lastRuns() {
        return Map.copyOf(lastRuns);
    }

    /** The names of the jobs. */
    public List<String> jobNames() {
        return jobs.keySet().stream().sorted().toList();
    }

    /**
     * Stops scheduling, waits up to the shutdown timeout for a running job to finish, then
     * interrupts it. Safe to call more than once, or without {@link #start()}.
     */
    @Override
    public synchronized void close() {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("a background job did not finish within {} ms; interrupting it", shutdownTimeout.toMillis());
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("background jobs stopped");
    }
}
