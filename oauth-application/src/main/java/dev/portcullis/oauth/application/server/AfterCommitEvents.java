package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.util.Objects;

/**
 * Publishes an event once the unit of work in which it happened has committed, and never when it
 * rolls back: a token minted inside a grant whose commit then fails was never issued (the client
 * got 503), so the audit trail and the token counters must not say it was. Outside a unit the
 * event goes out at once. Thread-safe.
 */
final class AfterCommitEvents implements EventPublisher {

    private final EventPublisher events;
    private final UnitOfWork units;

    AfterCommitEvents(EventPublisher events, UnitOfWork units) {
        this.events = Objects.requireNonNull(events, "events");
        this.units = Objects.requireNonNull(units, "units");
    }

    @Override
    public void publish(OAuthEvent event) {
        Objects.requireNonNull(event, "event");
        units.afterCommit(() -> events.publish(event));
    }
}
