package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.change.ChangeListeners;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.port.ChangeListener;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import java.util.Objects;

/**
 * A {@link ChangeNotifier} for storage that one process uses (in memory, H2 in file mode): each
 * change is delivered at once, on the publishing thread, to the listeners of this process.
 * Thread-safe.
 */
public final class LocalChangeNotifier implements ChangeNotifier {

    private final ChangeListeners listeners = new ChangeListeners();

    @Override
    public void publish(Change change) {
        listeners.deliver(Objects.requireNonNull(change, "change"));
    }

    @Override
    public void subscribe(ChangeListener listener) {
        listeners.add(listener);
    }
}
