package dev.portcullis.oauth.adapters.rest.userinfo;

import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.token.UserGrant;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A test grant that mints a user's access token for the {@code subject} parameter, as the code flow
 * would after the user signed in, without the browser.
 */
final class UserGrantHandler implements GrantHandler {

    static final GrantType GRANT_TYPE = new GrantType("urn:example:grant:user");

    private final Clock clock;

    UserGrantHandler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public GrantType grantType() {
        return GRANT_TYPE;
    }

    @Override
    public Set<String> parameters() {
        return Set.of("subject");
    }

    @Override
    public TokenResponse handle(GrantContext context) {
        String subject = context.request().parameter("subject").orElseThrow(
                () -> OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The subject parameter is missing."));
        Client client = context.client().registration();
        ScopeSet granted = context.scopes().narrow(context.request().scope(), client.scopes());
        return context.tokens().forUser(new UserGrant(new Subject(subject), client.id(), granted, Instant.now(clock),
                "grant-" + subject, GRANT_TYPE)).response();
    }
}
