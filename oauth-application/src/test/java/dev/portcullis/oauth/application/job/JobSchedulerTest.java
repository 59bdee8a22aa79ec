package dev.portcullis.oauth.application.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.application.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobSchedulerTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void runOnceWhenWorkCompletesThenRunRecordedWithRows() {
        JobScheduler scheduler = new JobScheduler(List.of(RecurringJob.local("prune", Duration.ofMinutes(5), () -> 42)),
                clock, Duration.ofSeconds(1));

        JobRun run = scheduler.runOnce("prune");

        assertEquals("prune", run.job());
        assertEquals(T0, run.startedAt());
        assertEquals(JobRun.Outcome.COMPLETED, run.outcome());
        assertEquals(42, run.rowsAffected());
        assertEquals(Map.of("prune", run), scheduler.lastRuns());
    }

    @Test
    void runOnceWhenLockHeldElsewhereThenSkipped() {
        LocalJobLock lock = new LocalJobLock();
        AtomicInteger ran = new AtomicInteger();
        JobScheduler scheduler = new JobScheduler(List.of(RecurringJob.exclusive("prune", Duration.ofMinutes(5), lock,
                ran::incrementAndGet)), clock, Duration.ofSeconds(1));

        Optional<JobRun> run = lock.runExclusively("prune", () -> onOtherThread(() -> scheduler.runOnce("prune")));

        assertEquals(JobRun.Outcome.SKIPPED, run.orElseThrow().outcome());
        assertEquals(0, ran.get());
    }

    @Test
    void runOnceWhenWorkThrowsThenFailureRecordedAndNextRunWorks() {
        AtomicInteger calls = new AtomicInteger();
        JobScheduler scheduler = new JobScheduler(List.of(RecurringJob.local("flaky", Duration.ofMinutes(5), () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return 3;
        })), clock, Duration.ofSeconds(1));

        JobRun failed = scheduler.runOnce("flaky");
        clock.advance(Duration.ofMinutes(5));
        JobRun next = scheduler.runOnce("flaky");

        assertEquals(JobRun.Outcome.FAILED, failed.outcome());
        assertEquals(JobRun.Outcome.COMPLETED, next.outcome());
        assertEquals(T0.plus(Duration.ofMinutes(5)), scheduler.lastRuns().get("flaky").startedAt());
    }

    @Test
    void startWhenRunningThenJobsRunOnTheirOwnAndCloseStopsThem() throws InterruptedException {
        CountDownLatch ranTwice = new CountDownLatch(2);
        JobScheduler scheduler = new JobScheduler(List.of(RecurringJob.local("tick", Duration.ofMillis(1), () -> {
            ranTwice.countDown();
            return 0;
        })), clock, Duration.ofSeconds(5));

        scheduler.start();
        boolean ran = ranTwice.await(60, TimeUnit.SECONDS);
        scheduler.close();
        JobRun last = scheduler.lastRuns().get("tick");

        assertEquals(true, ran);
        assertEquals(JobRun.Outcome.COMPLETED, last.outcome());
        scheduler.close();
    }

    @Test
    void constructorWhenTwoJobsShareANameThenIllegalArgument() {
        List<RecurringJob> jobs = List.of(RecurringJob.local("a", Duration.ofSeconds(1), () -> 0),
                RecurringJob.local("a", Duration.ofSeconds(2), () -> 0));

        assertThrows(IllegalArgumentException.class, () -> new JobScheduler(jobs, clock, Duration.ofSeconds(1)));
    }

    @Test
    void runOnceWhenUnknownJobThenIllegalArgument() {
        JobScheduler scheduler = new JobScheduler(List.of(), clock, Duration.ofSeconds(1));

        assertThrows(IllegalArgumentException.class, () -> scheduler.runOnce("nope"));
    }

    @Test
    void recurringJobWhenIntervalNotPositiveThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> RecurringJob.local("a", Duration.ZERO, () -> 0));
    }

    private static <T> T onOtherThread(java.util.function.Supplier<T> work) {
        try {
            return java.util.concurrent.CompletableFuture.supplyAsync(work).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
