package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Every token of a user (at one client or all) or of a client was revoked through the admin API.
 *
 * @param at                 when
 * @param subject            the user; empty when the client's tokens were revoked
 * @param clientId           the client; empty when the user's tokens at every client were revoked
 * @param grants             how many grants were revoked with their tokens
 * @param opaqueAccessTokens how many opaque access tokens outside those grants were revoked
 * @param actor              the admin client that did it
 */
public record TokensRevoked(Instant at, Optional<String> subject, Optional<ClientId> clientId, int grants,
                            int opaqueAccessTokens, ClientId actor) implements OAuthEvent {

    public TokensRevoked {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(actor, "actor");
        if (subject.isEmpty() && clientId.isEmpty()) {
            throw new IllegalArgumentException("a subject or a client is required");
        }
    }
}
