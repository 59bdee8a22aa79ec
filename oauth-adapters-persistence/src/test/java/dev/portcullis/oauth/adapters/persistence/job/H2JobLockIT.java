package dev.portcullis.oauth.adapters.persistence.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.domain.port.JobLock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** On H2, which one process opens at a time, the job lock is the process's own. */
final class H2JobLockIT {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Test
    void jobLockWhenH2ThenLocalLockThatExcludesNestedRunners() {
        JobLock lock = DATABASE.emptyUnit().jobLock();

        Optional<Optional<Integer>> nested = lock.runExclusively("prune",
                () -> CompletableFutureRunner.onOtherThread(() -> lock.runExclusively("prune", () -> 2)));

        assertInstanceOf(LocalJobLock.class, lock);
        assertEquals(Optional.of(Optional.empty()), nested);
    }
}
