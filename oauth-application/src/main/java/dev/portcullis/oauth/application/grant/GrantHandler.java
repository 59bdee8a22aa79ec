package dev.portcullis.oauth.application.grant;

import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.Set;

/**
 * Serves one {@code grant_type} at the token endpoint (RFC 6749 §4.5 for extension grants).
 * Stateless and thread-safe. Registered on the server builder or in
 * {@code META-INF/services/dev.portcullis.oauth.application.grant.GrantHandler} (then it needs a
 * public no-argument constructor); two handlers for one grant type fail startup.
 *
 * <p>Before {@link #handle} runs, the core has authenticated the client, checked that it may use
 * this grant type, dropped every parameter not declared in {@link #parameters()}, and checked the
 * syntax of {@code scope}.
 */
public interface GrantHandler {

    /** The grant type served: a built-in name or an absolute URI. */
    GrantType grantType();

    /** Parameters read besides {@code grant_type} and {@code scope}; all others are dropped before {@link #handle}. */
    Set<String> parameters();

    /**
     * Validates the grant and mints through {@code context.tokens()}.
     *
     * @throws dev.portcullis.oauth.domain.error.OAuthException with an RFC 6749 §5.2 error when the grant is refused
     */
    TokenResponse handle(GrantContext context);
}
