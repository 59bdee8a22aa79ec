package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The only way a grant handler mints tokens: bound to the authenticated client of one request,
 * it applies the client's lifetimes and signing algorithm, and reports what it issued.
 * Thread-safe.
 */
public interface TokenIssuer {

    /**
     * The {@code aud} a token of {@code scope} would carry (RFC 8707 §2, RFC 9068 §3), so that a
     * handler can refuse a request before it consumes anything. The default is for issuers that
     * decorate another: it checks nothing and answers an empty list.
     *
     * @param grantResource the resource the grant is restricted to (a {@link UserGrant#resource()});
     *                      empty when it is not restricted
     * @throws dev.portcullis.oauth.domain.error.OAuthException {@code invalid_target} when the
     *         request names a resource that {@code scope} does not reach, or one other than
     *         {@code grantResource}
     */
    default List<String> audience(ScopeSet scope, Optional<URI> grantResource) {
        return List.of();
    }

    /**
     * Mints an access token for {@code grant} and no refresh token (RFC 6749 §4.4.3). Stores nothing.
     *
     * @param grant what the token stands for; its client must be the authenticated client
     * @return the token response
     * @throws IllegalArgumentException when {@code grant} names another client
     */
    TokenResponse accessTokenOnly(AccessGrant grant);

    /**
     * Mints an access token for a grant a user made, with {@code sub} the user and {@code auth_time}
     * (RFC 9068 §2.2, §2.2.1) and, when the client may use the {@code refresh_token} grant, an
     * opaque refresh token of the grant's family, stored only as its hash (RFC 6749 §1.5, §6). The
     * refresh token expires after the client's idle refresh token lifetime, never after its family
     * ends: the client's absolute lifetime from now for a new family, {@link UserGrant#family()}'s
     * end when a refresh token is rotated (RFC 9700 §4.14.2).
     *
     * <p>When the grant {@linkplain UserGrant#isOpenId() is an OpenID Connect one}, the response also
     * carries an ID token (OIDC Core §2, §3.1.3.3, §12.2) signed with the client's
     * {@code id_token_signed_response_alg} or RS256, and a refresh token only when the grant's scope
     * contains {@code offline_access} (OIDC Core §11).
     *
     * @param grant what the tokens stand for; its client must be the authenticated client
     * @return the response, and the {@code jti} and expiry of the access token so that the caller
     *         can revoke it later (RFC 6749 §4.1.2)
     * @throws IllegalArgumentException when {@code grant} names another client
     * @throws IllegalStateException    when a refresh token is due but the server has no refresh
     *                                  token repository
     */
    IssuedTokens forUser(UserGrant grant);
}
