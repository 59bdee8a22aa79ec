package dev.portcullis.oauth.adapters.rest;

import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.io.IOException;
import java.util.Set;

/**
 * A custom grant as an embedder would write one (RFC 6749 §4.5): mints a token for the
 * {@code subject} parameter. The subject {@link #FAILING_SUBJECT} makes it fail like a bug would,
 * {@link #UNAVAILABLE_SUBJECT} like an outage.
 */
public final class ExampleGrantHandler implements GrantHandler {

    /** The grant type: an absolute URI. */
    public static final GrantType GRANT_TYPE = new GrantType("urn:example:grant:test");

    /** The subject for which the handler throws an unexpected exception. */
    public static final String FAILING_SUBJECT = "fail";

    /** The subject for which the handler reports its (simulated) database as down. */
    public static final String UNAVAILABLE_SUBJECT = "unavailable";

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
        if (subject.equals(FAILING_SUBJECT)) {
            throw new IllegalStateException("simulated handler bug: secret detail that must not reach the client");
        }
        if (subject.equals(UNAVAILABLE_SUBJECT)) {
            throw new ServiceUnavailableException("database", new IOException("connection refused"));
        }
        Client client = context.client().registration();
        ScopeSet granted = context.scopes().narrow(context.request().scope(), client.scopes());
        return context.tokens().accessTokenOnly(new AccessGrant(subject, client.id(), granted, GRANT_TYPE));
    }
}
