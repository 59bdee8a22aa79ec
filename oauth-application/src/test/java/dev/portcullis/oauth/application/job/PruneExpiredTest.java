package dev.portcullis.oauth.application.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.server.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruneExpiredTest {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void runWhenMoreThanOneBatchExpiredThenDeletedBatchByBatchUpToTheBound() {
        List<Integer> limits = new ArrayList<>();
        int[] left = {25};
        PruneExpired prune = new PruneExpired((before, limit) -> {
            limits.add(limit);
            int deleted = Math.min(limit, left[0]);
            left[0] -= deleted;
            return deleted;
        }, Clock.fixed(T0, ZoneOffset.UTC), 10, 2);

        int first = prune.run();
        int second = prune.run();

        assertEquals(20, first);
        assertEquals(5, second);
        assertEquals(List.of(10, 10, 10), limits);
    }

    @Test
    void runWhenRepositoryRowsExpireThenOnlyExpiredOnesDeletedAtNow() {
        MutableClock clock = new MutableClock(T0);
        InMemoryRevokedAccessTokenRepository revoked = new InMemoryRevokedAccessTokenRepository();
        revoked.revoke("old", T0.plusSeconds(60));
        revoked.revoke("new", T0.plusSeconds(600));
        PruneExpired prune = new PruneExpired(revoked::deleteExpired, clock, 100, 10);
        clock.advance(Duration.ofSeconds(61));

        int deleted = prune.run();

        assertEquals(1, deleted);
        assertEquals(false, revoked.isRevoked("old"));
        assertEquals(true, revoked.isRevoked("new"));
    }

    @Test
    void constructorWhenBatchSizeBelowOneThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class,
                () -> new PruneExpired((before, limit) -> 0, Clock.fixed(T0, ZoneOffset.UTC), 0, 1));
    }
}
