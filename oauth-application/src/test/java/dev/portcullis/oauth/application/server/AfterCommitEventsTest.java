package dev.portcullis.oauth.application.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class AfterCommitEventsTest {

    private static final OAuthEvent ISSUED = new TokenIssued(Instant.parse("2026-12-07T10:00:00Z"),
            new ClientId("client-1"), "client-1", GrantType.CLIENT_CREDENTIALS, ScopeSet.of("read"), "jti-1");

    /** A unit of work that keeps after-commit actions until the test commits it. */
    private static final class HeldUnit implements UnitOfWork {

        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public void afterCommit(Runnable action) {
            held.add(action);
        }

        void commit() {
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    private final List<OAuthEvent> published = new ArrayList<>();
    private final HeldUnit unit = new HeldUnit();
    private final AfterCommitEvents events = new AfterCommitEvents(published::add, unit);

    @Test
    void publishWhenUnitNotCommittedThenNothingPublished() {
        events.publish(ISSUED);

        assertEquals(List.of(), published);
    }

    @Test
    void publishWhenUnitCommitsThenEventPublished() {
        events.publish(ISSUED);

        unit.commit();

        assertEquals(List.of(ISSUED), published);
    }

    @Test
    void publishWhenUnitRollsBackThenEventNeverPublished() {
        events.publish(ISSUED);

        unit.held.clear();
        unit.commit();

        assertEquals(List.of(), published);
    }
}
