package dev.portcullis.oauth.runtime.server;

import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.Optional;
import java.util.Set;

/**
 * A test extension grant found through {@code META-INF/services}: mints a token for the scope
 * named by its own parameter {@code echo_scope}, narrowed to the client's registration.
 */
public final class EchoGrantHandler implements GrantHandler {

    static final String GRANT_TYPE = "urn:example:grant:echo";

    @Override
    public GrantType grantType() {
        return new GrantType(GRANT_TYPE);
    }

    @Override
    public Set<String> parameters() {
        return Set.of("echo_scope");
    }

    @Override
    public TokenResponse handle(GrantContext context) {
        Client client = context.client().registration();
        String echo = context.request().parameter("echo_scope").orElseThrow(() ->
                OAuthException.of(StandardErrorCode.INVALID_REQUEST, "The echo_scope parameter is missing."));
        ScopeSet requested = ScopeSet.parse(echo).orElseThrow(() ->
                OAuthException.of(StandardErrorCode.INVALID_SCOPE, "The echo_scope parameter is malformed."));
        ScopeSet granted = context.scopes().narrow(Optional.of(requested), client.scopes());
        return context.tokens().accessTokenOnly(AccessGrant.forClient(client.id(), granted).via(grantType()));
    }
}
