package dev.portcullis.oauth.application.change;

import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.port.ChangeListener;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The listeners of a {@link dev.portcullis.oauth.domain.port.ChangeNotifier} adapter, and their
 * delivery: a failing listener is logged and the others still hear the change. Thread-safe.
 */
public final class ChangeListeners {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeListeners.class);

    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds {@code listener}. */
    public void add(ChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether any listener was added. */
    public boolean isEmpty() {
        return listeners.isEmpty();
    }

    /** Delivers {@code change} to every listener, in the order they were added. */
    public void deliver(Change change) {
        Objects.requireNonNull(change, "change");
        for (ChangeListener listener : listeners) {
            try {
                listener.changed(change);
            } catch (RuntimeException e) {
                // The cache keeps its time to live, so a failed eviction heals itself; the next listener still hears it.
                LOG.warn("a change listener failed: topic={}", change.topic(), e);
            }
        }
    }
}
