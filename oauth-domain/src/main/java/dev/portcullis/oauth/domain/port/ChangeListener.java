package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.change.Change;

/** Hears of changes to shared state, to drop what it cached. */
@FunctionalInterface
public interface ChangeListener {

    /**
     * Called once per change heard, on the notifier's thread: must be quick and thread-safe.
     * Exceptions are logged by the notifier and do not stop later deliveries.
     */
    void changed(Change change);
}
