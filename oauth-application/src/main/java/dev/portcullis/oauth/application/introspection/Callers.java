package dev.portcullis.oauth.application.introspection;

import dev.portcullis.oauth.application.client.AuthenticatedClient;
import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.util.Optional;

/** The steps the introspection and revocation endpoints share: authenticate, then read {@code token}. */
public final class Callers {

    /** RFC 7662 §2.1, RFC 7009 §2.1: the token parameter is REQUIRED. */
    public static final String TOKEN_MISSING = "The token parameter is missing.";

    private Callers() {
    }

    /**
     * The authenticated caller, as at the token endpoint (RFC 7009 §2.1, RFC 7662 §2.1).
     *
     * @throws OAuthException {@code invalid_client} when it presented no or wrong credentials
     */
    public static AuthenticatedClient authenticate(ClientAuthenticator authenticator, TokenEndpointRequest request) {
        return authenticator.authenticate(request.credentials()
                .orElseThrow(() -> new OAuthException(new OAuthError(StandardErrorCode.INVALID_CLIENT,
                        "Client authentication failed."), "no client credentials presented")));
    }

    /**
     * The {@code token} parameter.
     *
     * @throws OAuthException {@code invalid_request} when it is missing or empty
     */
    public static TokenValue token(TokenEndpointRequest request) {
        String token = request.parameters().get("token");
        if (token == null || token.isEmpty()) {
            throw OAuthException.of(StandardErrorCode.INVALID_REQUEST, TOKEN_MISSING);
        }
        return new TokenValue(token);
    }

    /** The {@code token_type_hint} parameter; empty when it is missing or empty. */
    public static Optional<String> hint(TokenEndpointRequest request) {
        return Optional.ofNullable(request.parameters().get("token_type_hint")).filter(hint -> !hint.isEmpty());
    }
}
