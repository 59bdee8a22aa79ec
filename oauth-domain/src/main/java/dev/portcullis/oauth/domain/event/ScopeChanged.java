package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;

/**
 * A scope definition was created, replaced or deleted through the admin API.
 *
 * @param at     when
 * @param scope  the scope name
 * @param change what was done
 * @param actor  the admin client that did it
 */
public record ScopeChanged(Instant at, String scope, Change change, ClientId actor) implements OAuthEvent {

    /** What was done to the definition. */
    public enum Change {
        /** Defined. */
        CREATED,
        /** Its description replaced. */
        REPLACED,
        /** Deleted. */
        DELETED
    }

    public ScopeChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(actor, "actor");
    }
}
