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

    /**
     * Whether this instance hears, now, every change announced by any instance: false while the
     * notifier is not connected (not yet, or reconnecting). A listener that keeps a copy of shared
     * state must not trust it then. Each time it becomes true, the first time included, every
     * listener subscribed by then has already been delivered an {@link Change#anyOf any-of-topic}
     * change for every topic, so that a copy reloaded on that change misses nothing; a listener
     * subscribed while it is true hears every later change. A connection lost silently is noticed
     * only after a while (an adapter says how long). The default, for storage that one process
     * uses, where every change is delivered in this process, is always true.
     */
    default boolean listening() {
        return true;
    }
}
