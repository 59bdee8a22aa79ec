package dev.portcullis.oauth.runtime.operations;

import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.port.EventPublisher;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each event to every listener in turn (audit log, metrics). A listener that throws is
 * logged and skipped, so that neither the others nor the request notice (the port's contract).
 * Thread-safe when the listeners are.
 */
public final class FanOutEventPublisher implements EventPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(FanOutEventPublisher.class);

    private final List<EventPublisher> listeners;

    /** @param listeners called in this order */
    public FanOutEventPublisher(List<EventPublisher> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void publish(OAuthEvent event) {
        for (EventPublisher listener : listeners) {
            try {
                listener.publish(event);
            } catch (RuntimeException e) {
                LOG.error("event listener {} failed on {}", listener.getClass().getName(),
                        event.getClass().getSimpleName(), e);
            }
        }
    }
}
