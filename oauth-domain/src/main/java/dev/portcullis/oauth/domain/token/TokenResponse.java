package dev.portcullis.oauth.domain.token;

import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token response (RFC 6749 §5.1).
 *
 * @param accessToken  the access token
 * @param tokenType    {@code Bearer} (RFC 6750) unless a binding says otherwise
 * @param expiresIn    the access token lifetime
 * @param scope        the granted scope (sent always: RFC 6749 §5.1 requires it when it differs
 *                     from the request, and sending it always costs nothing)
 * @param refreshToken a refresh token, when one is issued
 * @param idToken      an OpenID Connect ID token (OIDC Core §3.1.3.3), when the grant is an OpenID one
 */
public record TokenResponse(TokenValue accessToken, String tokenType, Duration expiresIn, ScopeSet scope,
                            Optional<TokenValue> refreshToken, Optional<TokenValue> idToken) {

    /** RFC 6750 §1. */
    public static final String BEARER = "Bearer";

    public TokenResponse {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(expiresIn, "expiresIn");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(idToken, "idToken");
    }

    /** A response without an ID token. */
    public TokenResponse(TokenValue accessToken, String tokenType, Duration expiresIn, ScopeSet scope,
                         Optional<TokenValue> refreshToken) {
        this(accessToken, tokenType, expiresIn, scope, refreshToken, Optional.empty());
    }
}
