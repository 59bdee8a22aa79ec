package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.token.TokenResponse;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@link TokenIssuer#forUser} minted: the response for the client, and the identity of the
 * access token in it, which the grant records so that it can be deny-listed later (RFC 6749
 * §4.1.2). Only {@link #response()} goes to the client.
 *
 * @param response             the token response (RFC 6749 §5.1)
 * @param accessTokenId        the access token's {@code jti}
 * @param accessTokenExpiresAt the access token's {@code exp}
 */
public record IssuedTokens(TokenResponse response, String accessTokenId, Instant accessTokenExpiresAt) {

    public IssuedTokens {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(accessTokenId, "accessTokenId");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
    }
}
