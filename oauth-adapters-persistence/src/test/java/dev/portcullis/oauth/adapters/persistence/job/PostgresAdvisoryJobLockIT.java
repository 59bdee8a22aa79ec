package dev.portcullis.oauth.adapters.persistence.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.adapters.persistence.PersistenceUnit;
import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.Race;
import dev.portcullis.oauth.domain.port.JobLock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances (two persistence units on one PostgreSQL database) share job locks: while
 * one runs a job, the other's attempt does nothing.
 */
final class PostgresAdvisoryJobLockIT {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    private PersistenceUnit other;
    private JobLock first;
    private JobLock second;

    @BeforeEach
    void openSecondInstance() {
        other = PersistenceUnit.open(DATABASE.dataSource());
        first = DATABASE.emptyUnit().jobLock();
        second = other.jobLock();
    }

    @AfterEach
    void closeSecondInstance() {
        other.close();
    }

    @Test
    void jobLockWhenPostgresThenAdvisoryLock() {
        assertInstanceOf(PostgresAdvisoryJobLock.class, first);
    }

    @Test
    void runExclusivelyWhenOtherInstanceHoldsTheLockThenWorkSkipped() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> holder = CompletableFuture.supplyAsync(() -> first.runExclusively("prune", () -> {
            inside.countDown();
            await(release);
            return "first";
        }));
        await(inside);
        AtomicBoolean ran = new AtomicBoolean();

        Optional<String> result = second.runExclusively("prune", () -> {
            ran.set(true);
            return "second";
        });

        release.countDown();
        assertEquals(Optional.empty(), result);
        assertFalse(ran.get());
        assertEquals(Optional.of("first"), holder.get(60, TimeUnit.SECONDS));
    }

    @Test
    void runExclusivelyWhenHolderFinishedThenOtherInstanceRuns() {
        first.runExclusively("prune", () -> 1);

        Optional<Integer> result = second.runExclusively("prune", () -> 2);

        assertEquals(Optional.of(2), result);
    }

    @Test
    void runExclusivelyWhenHolderWorkThrewThenLockReleased() {
        assertThrows(IllegalArgumentException.class, () -> first.runExclusively("prune", () -> {
            throw new IllegalArgumentException("boom");
        }));

        Optional<Integer> result = second.runExclusively("prune", () -> 2);

        assertEquals(Optional.of(2), result);
    }

    @Test
    void runExclusivelyWhenOtherNameHeldThenRuns() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<Integer>> holder = CompletableFuture.supplyAsync(() -> first.runExclusively("a", () -> {
            inside.countDown();
            await(release);
            return 1;
        }));
        await(inside);

        Optional<Integer> result = second.runExclusively("b", () -> 2);

        release.countDown();
        assertEquals(Optional.of(2), result);
        assertEquals(Optional.of(1), holder.get(60, TimeUnit.SECONDS));
    }

    @Test
    void runExclusivelyWhenSixteenRunnersOnTwoInstancesRaceThenNeverTwoAtOnce() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        List<Boolean> ran = Race.run(16, i -> (i % 2 == 0 ? first : second).runExclusively("rotate", () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            DATABASE.emptyUnit().signingKeys().findAll();
            running.decrementAndGet();
            return true;
        }).isPresent());

        assertEquals(1, most.get());
        assertTrue(ran.contains(true));
    }

    @Test
    void lockKeyWhenSameNameThenSameKeyAndOtherNamesDiffer() {
        assertEquals(PostgresAdvisoryJobLock.lockKey("prune"), PostgresAdvisoryJobLock.lockKey("prune"));
        assertNotEquals(PostgresAdvisoryJobLock.lockKey("prune"), PostgresAdvisoryJobLock.lockKey("rotate"));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other runner never got there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
