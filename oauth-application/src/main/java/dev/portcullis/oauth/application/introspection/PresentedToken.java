package dev.portcullis.oauth.application.introspection;

import dev.portcullis.oauth.application.userinfo.ValidatedAccessToken;
import dev.portcullis.oauth.domain.token.RefreshToken;

/**
 * What a token presented at the introspection or revocation endpoint turned out to be. Only live
 * access tokens are found; a refresh token is found whatever its state, so that its family can be
 * revoked.
 */
public sealed interface PresentedToken {

    /** A live access token of this server, JWT or opaque. */
    record Access(ValidatedAccessToken token) implements PresentedToken {
    }

    /** A stored refresh token, used, revoked or expired alike. */
    record Refresh(RefreshToken token) implements PresentedToken {
    }
}
