package dev.portcullis.oauth.application.token;

import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenValue;
import java.time.Instant;
import java.util.Objects;

/**
 * The refresh token family a rotated refresh token continues (RFC 9700 §4.14.2).
 *
 * @param scope     the scope of every refresh token of the family, which narrowing the access
 *                  token's scope does not change (RFC 6749 §6: "identical to that of the refresh
 *                  token included by the client in the request")
 * @param expiresAt when the family ends: its first token's issue plus the client's absolute refresh
 *                  token lifetime; rotation never extends it
 * @param successor the value of the refresh token that replaces the presented one
 *                  ({@link RefreshTokenSuccessors}): the same for every request that presents the
 *                  same token, so that concurrent rotations yield one successor, stored once
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-6">RFC 6749 §6</a>
 */
public record RefreshFamily(ScopeSet scope, Instant expiresAt, TokenValue successor) {

    public RefreshFamily {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(successor, "successor");
    }
}
