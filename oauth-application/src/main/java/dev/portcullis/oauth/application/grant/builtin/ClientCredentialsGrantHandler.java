package dev.portcullis.oauth.application.grant.builtin;

import dev.portcullis.oauth.application.grant.GrantContext;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.Set;

/**
 * RFC 6749 §4.4: a confidential client asks for a token on its own behalf.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.4">RFC 6749 §4.4</a>
 */
public final class ClientCredentialsGrantHandler implements GrantHandler {

    @Override
    public GrantType grantType() {
        return GrantType.CLIENT_CREDENTIALS;
    }

    @Override
    public Set<String> parameters() {
        return Set.of();
    }

    @Override
    public TokenResponse handle(GrantContext context) {
        Client client = context.client().registration();
        // RFC 6749 §4.4: the client MUST authenticate, so public clients cannot use this grant.
        if (!client.isConfidential()) {
            throw OAuthException.of(StandardErrorCode.UNAUTHORIZED_CLIENT,
                    "The client_credentials grant needs a confidential client.");
        }
        // Throws invalid_scope when more is asked than the registration allows (RFC 6749 §3.3).
        ScopeSet granted = context.scopes().narrow(context.request().scope(), client.scopes());
        // RFC 6749 §4.4.3: a refresh token SHOULD NOT be included.
        return context.tokens().accessTokenOnly(AccessGrant.forClient(client.id(), granted));
    }
}
