package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signing key was rotated or imported through the admin API.
 *
 * @param at        when
 * @param keyId     the {@code kid} of the key made or imported
 * @param algorithm its algorithm ({@code RS256}, ...)
 * @param change    what was done
 * @param actor     the admin client that did it
 */
public record SigningKeyChanged(Instant at, String keyId, String algorithm, Change change, ClientId actor)
        implements OAuthEvent {

    /** What was done. */
    public enum Change {
        /** A rotation was asked for. */
        ROTATED,
        /** A key was imported. */
        IMPORTED
    }

    public SigningKeyChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(actor, "actor");
    }
}
