package dev.portcullis.oauth.domain.change;

import java.util.Objects;
import java.util.Optional;

/**
 * One change to shared state, as announced to every instance.
 *
 * @param topic what kind of state changed
 * @param key   which item changed (a {@code client_id}, a {@code kid}); empty when any item of the
 *              topic may have changed, e.g. after notifications may have been missed
 */
public record Change(ChangeTopic topic, Optional<String> key) {

    /** The longest key a notification carries; PostgreSQL payloads are limited to 8000 bytes. */
    public static final int MAX_KEY_LENGTH = 1000;

    public Change {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        if (key.isPresent() && (key.get().isEmpty() || key.get().length() > MAX_KEY_LENGTH)) {
            throw new IllegalArgumentException("a change key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** A change of the item {@code key} of {@code topic}. */
    public static Change of(ChangeTopic topic, String key) {
        return new Change(topic, Optional.of(key));
    }

    /** Any item of {@code topic} may have changed. */
    public static Change anyOf(ChangeTopic topic) {
        return new Change(topic, Optional.empty());
    }
}
