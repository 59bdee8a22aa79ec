package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.token.TokenIssuer;
import dev.portcullis.oauth.domain.scope.ScopePolicy;

/** What a handler may see and use while it serves one token request. */
public interface GrantContext {

    /** {@code grant_type}, {@code scope} and the declared parameters only. */
    TokenRequest request();

    /** The client: authenticated, and allowed to use this grant type. */
    AuthenticatedClient client();

    /** The only way to mint and store tokens; bound to {@link #client()}. */
    TokenIssuer tokens();

    /** The server's scope policy, to narrow the requested scope to what the client may have. */
    ScopePolicy scopes();
}
