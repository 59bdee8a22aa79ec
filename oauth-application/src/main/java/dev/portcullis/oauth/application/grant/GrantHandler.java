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
 *
 * <p>{@link #handle} runs in one {@link dev.portcullis.oauth.domain.port.UnitOfWork} of the
 * server's storage, on the request's thread: what it and {@code context.tokens()} write through
 * the server's repositories commits together when it returns or throws {@code OAuthException} (a
 * refusal keeps what led to it, e.g. a credential spent before a check failed), and rolls back
 * when it throws anything else, so a failure between two writes leaves neither. A handler that
 * catches a repository's failure cannot carry on: the unit rolls back all the same. Writes made on
 * other threads, or to storage of its own, are not part of the unit.
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
