package dev.portcullis.oauth.application.revocation;

import dev.portcullis.oauth.application.change.ChangeListeners;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.port.ChangeListener;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link ChangeNotifier} for tests: records what this instance publishes and delivers it here, as
 * the local notifier does; {@link #deliver} plays what another instance announced, and
 * {@link #listening(boolean)} a connection lost and found again. Thread-safe.
 */
public final class TestChangeNotifier implements ChangeNotifier {

    private final ChangeListeners listeners = new ChangeListeners();
    private final List<Change> published = new CopyOnWriteArrayList<>();
    private volatile boolean listening = true;

    @Override
    public void publish(Change change) {
        published.add(Objects.requireNonNull(change, "change"));
        listeners.deliver(change);
    }

    @Override
    public void subscribe(ChangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean listening() {
        return listening;
    }

    /** Delivers {@code change} as if another instance had announced it. */
    public void deliver(Change change) {
        listeners.deliver(change);
    }

    /** Sets what {@link #listening()} answers. */
    public void listening(boolean value) {
        listening = value;
    }

    /** What this instance published, in order. */
    public List<Change> published() {
        return List.copyOf(published);
    }
}
