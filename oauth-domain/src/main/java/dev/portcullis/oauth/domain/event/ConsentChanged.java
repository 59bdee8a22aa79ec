package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user gave consent to a client, or a consent was revoked through the admin API.
 *
 * @param at       when
 * @param clientId the client
 * @param subject  the user
 * @param given    true when given, false when revoked
 * @param scope    the scope consented to; empty on revocation
 * @param actor    the admin client that revoked it; empty when the user acted
 */
public record ConsentChanged(Instant at, ClientId clientId, String subject, boolean given, ScopeSet scope,
                             Optional<ClientId> actor) implements OAuthEvent {

    public ConsentChanged {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(actor, "actor");
    }
}
