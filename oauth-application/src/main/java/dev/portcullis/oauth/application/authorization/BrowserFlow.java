package dev.portcullis.oauth.application.authorization;

import java.util.Objects;

/**
 * The use cases behind the browser pages of the authorization code flow, present when the server
 * serves {@code authorization_code}.
 *
 * @param authorize   {@code /authorize}
 * @param signIn      {@code /login}
 * @param giveConsent {@code /consent}
 */
public record BrowserFlow(Authorize authorize, SignIn signIn, GiveConsent giveConsent) {

    public BrowserFlow {
        Objects.requireNonNull(authorize, "authorize");
        Objects.requireNonNull(signIn, "signIn");
        Objects.requireNonNull(giveConsent, "giveConsent");
    }
}
