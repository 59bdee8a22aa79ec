package dev.portcullis.oauth.runtime.operations;

import dev.portcullis.oauth.application.job.JobRun;
import dev.portcullis.oauth.application.job.JobScheduler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;

/**
 * Gauges over the scheduler's record of each job's last run, read at scrape time:
 * {@code portcullis_job_last_duration_seconds}, {@code portcullis_job_last_rows},
 * {@code portcullis_job_last_run_timestamp_seconds} and {@code portcullis_job_last_outcome}
 * (1 for the outcome of the last run, 0 for the others), each by {@code job}. A job that has not
 * run yet reports NaN (no sample), so a stalled scheduler shows as missing data, not as zeros.
 */
public final class JobMetrics {

    private JobMetrics() {
    }

    /** Registers the gauges of every job of {@code jobs}. */
    public static void bind(MeterRegistry registry, JobScheduler jobs) {
        for (String job : jobs.jobNames()) {
            Gauge.builder("portcullis.job.last.duration", jobs,
                            s -> last(s, job).map(r -> r.duration().toNanos() / 1e9).orElse(Double.NaN))
                    .description("How long the job's last run took").baseUnit("seconds").tag("job", job)
                    .register(registry);
            Gauge.builder("portcullis.job.last.rows", jobs,
                            s -> last(s, job).map(r -> (double) r.rowsAffected()).orElse(Double.NaN))
                    .description("Rows (or keys) the job's last run changed").tag("job", job).register(registry);
            Gauge.builder("portcullis.job.last.run.timestamp", jobs,
                            s -> last(s, job).map(r -> r.startedAt().toEpochMilli() / 1e3).orElse(Double.NaN))
                    .description("When the job's last run started").baseUnit("seconds").tag("job", job)
                    .register(registry);
            for (JobRun.Outcome outcome : JobRun.Outcome.values()) {
                Gauge.builder("portcullis.job.last.outcome", jobs,
                                s -> last(s, job).map(r -> r.outcome() == outcome ? 1.0 : 0.0).orElse(Double.NaN))
                        .description("1 for the outcome of the job's last run")
                        .tag("job", job).tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                        .register(registry);
            }
        }
    }

    private static Optional<JobRun> last(JobScheduler jobs, String job) {
        return Optional.ofNullable(jobs.lastRuns().get(job));
    }
}
