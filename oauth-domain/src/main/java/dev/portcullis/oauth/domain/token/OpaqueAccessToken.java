package dev.portcullis.oauth.domain.token;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An opaque (reference) access token as stored: only its hash, and what introspection answers
 * about it (RFC 7662 §2.2).
 *
 * @param tokenHash SHA-256 of the token value, base64url ({@link TokenHash})
 * @param tokenId   its {@code jti}
 * @param grantId   the refresh token family it was minted for, so that revoking the family revokes
 *                  it (RFC 7009 §2.1); empty for a grant without a user, e.g. client_credentials
 * @param clientId  the client it was issued to
 * @param subject   its {@code sub}: the user, or the client itself
 * @param scope     its scope
 * @param audience  its {@code aud} values, at least one
 * @param issuedAt  its {@code iat}
 * @param expiresAt its {@code exp}
 * @param revoked   whether it was revoked
 */
public record OpaqueAccessToken(String tokenHash, String tokenId, Optional<String> grantId, ClientId clientId,
                                String subject, ScopeSet scope, List<String> audience, Instant issuedAt,
                                Instant expiresAt, boolean revoked) {

    public OpaqueAccessToken {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(grantId, "grantId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(scope, "scope");
        audience = List.copyOf(audience);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (audience.isEmpty()) {
            throw new IllegalArgumentException("audience must not be empty");
        }
        if (expiresAt.isBefore(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must not be before issuedAt");
        }
    }

    /** Whether it is usable at {@code now}: not revoked and not expired. */
    public boolean isActiveAt(Instant now) {
        return !revoked && now.isBefore(expiresAt);
    }

    /** A revoked copy. */
    public OpaqueAccessToken withRevoked() {
        return new OpaqueAccessToken(tokenHash, tokenId, grantId, clientId, subject, scope, audience, issuedAt,
                expiresAt, true);
    }
}
