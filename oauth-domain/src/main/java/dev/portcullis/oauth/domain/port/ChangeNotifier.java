package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.change.Change;

/**
 * Tells every instance sharing the storage that shared state changed, so that each can drop what it
 * cached (PostgreSQL {@code LISTEN/NOTIFY}, or delivery in this process when the storage has one
 * user). Best effort: a change may be heard late or, after a lost connection, as an
 * {@link Change#anyOf any-of-topic} change; caches therefore keep a short time to live as well.
 * Thread-safe.
 */
public interface ChangeNotifier {

    /**
     * Announces {@code change} to every instance, this one included. Call it after the change is
     * committed. A failure to announce is logged, not thrown: the change itself has happened, and
     * the other instances see it when their cache entries expire.
     */
    void publish(Change change);

    /** Adds {@code listener}, which hears every change from now on until the notifier is closed. */
    void subscribe(ChangeListener listener);
}
