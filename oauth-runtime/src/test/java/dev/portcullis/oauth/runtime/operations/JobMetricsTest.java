package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.job.JobScheduler;
import dev.portcullis.oauth.application.job.RecurringJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

class JobMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void bindWhenJobNotRunYetThenNoSample() {
        JobScheduler jobs = scheduler(() -> 3);

        JobMetrics.bind(registry, jobs);

        assertTrue(Double.isNaN(gauge("portcullis.job.last.rows", "prune")));
    }

    @Test
    void bindWhenJobRanThenRowsOutcomeAndStartOfItsLastRun() {
        JobScheduler jobs = scheduler(() -> 3);
        JobMetrics.bind(registry, jobs);

        jobs.runOnce("prune");

        assertEquals(3.0, gauge("portcullis.job.last.rows", "prune"));
        assertEquals(1.0, registry.get("portcullis.job.last.outcome").tag("job", "prune").tag("outcome", "completed")
                .gauge().value());
        assertEquals(0.0, registry.get("portcullis.job.last.outcome").tag("job", "prune").tag("outcome", "failed")
                .gauge().value());
        assertEquals(Instant.parse("2026-11-27T12:00:00Z").getEpochSecond(),
                gauge("portcullis.job.last.run.timestamp", "prune"));
        assertEquals(jobs.lastRuns().get("prune").duration().toNanos() / 1e9, gauge("portcullis.job.last.duration", "prune"));
    }

    @Test
    void bindWhenJobFailedThenFailedOutcome() {
        JobScheduler jobs = scheduler(() -> {
            throw new IllegalStateException("expected by this test");
        });
        JobMetrics.bind(registry, jobs);

        jobs.runOnce("prune");

        assertEquals(1.0, registry.get("portcullis.job.last.outcome").tag("job", "prune").tag("outcome", "failed")
                .gauge().value());
    }

    private double gauge(String name, String job) {
        return registry.get(name).tag("job", job).gauge().value();
    }

    private static JobScheduler scheduler(IntSupplier work) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
        return new JobScheduler(List.of(RecurringJob.local("prune", Duration.ofHours(1), work)), clock,
                Duration.ofSeconds(1));
    }
}
