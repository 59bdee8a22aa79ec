package dev.portcullis.oauth.application.grant;

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
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test grant that mints a user's tokens (an access token and, for clients allowed
 * {@code refresh_token}, a refresh token of a new family) for the {@code subject} parameter, as
 * the code flow would after the user signed in, without the browser. Each call starts a new grant.
 */
public final class TestUserGrantHandler implements GrantHandler {

    /** The grant type it serves. */
    public static final GrantType GRANT_TYPE = new GrantType("urn:example:grant:test-user");

    private final Clock clock;
    private final AtomicLong grants = new AtomicLong();

    public TestUserGrantHandler(Clock clock) {
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
                "grant-" + grants.incrementAndGet(), GRANT_TYPE)).response();
    }
}
