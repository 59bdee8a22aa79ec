package dev.portcullis.oauth.domain.event;

import dev.portcullis.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user submitted the sign-in form, for the authorization request of {@code clientId}.
 *
 * @param at        when
 * @param clientId  the client whose authorization request asked for the sign-in
 * @param subject   who signed in; empty when the sign-in failed (the username typed is not recorded:
 *                  it is often a password typed in the wrong field)
 * @param succeeded whether the credentials were accepted
 */
public record SignInAttempted(Instant at, ClientId clientId, Optional<String> subject, boolean succeeded)
        implements OAuthEvent {

    public SignInAttempted {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
    }
}
