package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.event.OAuthEvent;

/**
 * Hands events to whoever listens (audit log, metrics). Must be fast and must not throw:
 * an event that cannot be delivered is the publisher's problem, never the request's. Thread-safe.
 */
public interface EventPublisher {

    /** Publishes {@code event}. */
    void publish(OAuthEvent event);

    /** A publisher that drops every event. */
    static EventPublisher none() {
        return event -> { };
    }
}
