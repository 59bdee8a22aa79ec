package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;

/**
 * The only way a grant handler mints tokens: bound to the authenticated client of one request,
 * it applies the client's lifetimes and signing algorithm, and reports what it issued.
 */
public interface TokenIssuer {

    /**
     * Mints an access token for {@code grant} and no refresh token (RFC 6749 §4.4.3).
     *
     * @param grant what the token stands for; its client must be the authenticated client
     * @return the token response
     * @throws IllegalArgumentException when {@code grant} names another client
     */
    TokenResponse accessTokenOnly(AccessGrant grant);
}
