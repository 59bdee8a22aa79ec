package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;

/**
 * A client registration was changed through the admin API.
 *
 * @param at       when
 * @param clientId the client changed
 * @param change   what was done
 * @param actor    the admin client that did it
 */
public record ClientChanged(Instant at, ClientId clientId, Change change, ClientId actor) implements OAuthEvent {

    /** What was done to the registration. */
    public enum Change {
        /** Registered. */
        CREATED,
        /** Replaced as a whole. */
        REPLACED,
        /** Deleted, with its refresh tokens. */
        DELETED,
        /** Given a new secret. */
        SECRET_ROTATED
    }

    public ClientChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(actor, "actor");
    }
}
