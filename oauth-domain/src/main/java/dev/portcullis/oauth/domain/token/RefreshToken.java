package dev.portcullis.oauth.domain.token;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.Objects;

/**
 * An opaque refresh token as stored: only its hash, bound to the client and the grant it came from.
 *
 * @param tokenHash SHA-256 of the token value, base64url ({@link TokenHash})
 * @param grantId   the grant (authorization code) it descends from: revoking the grant revokes
 *                  every refresh token of its family (RFC 9700 §4.14.2)
 * @param clientId  the client it is bound to (RFC 6749 §6)
 * @param subject   the user
 * @param scope     the scope it may obtain
 * @param authTime  when the user authenticated
 * @param issuedAt  when it was issued
 * @param expiresAt when it stops working
 * @param revoked   whether it was revoked
 */
public record RefreshToken(String tokenHash, String grantId, ClientId clientId, Subject subject, ScopeSet scope,
                           Instant authTime, Instant issuedAt, Instant expiresAt, boolean revoked) {

    public RefreshToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(authTime, "authTime");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token can be used at {@code now}. */
    public boolean isActiveAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }
}
