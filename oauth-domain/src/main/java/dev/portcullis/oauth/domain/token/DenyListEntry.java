package dev.portcullis.oauth.domain.token;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the deny list of JWT access tokens: a revoked token's {@code jti}, or a revoked
 * grant's entry, and when the last token it covers expires (RFC 7009 §2.2: a revoked token cannot
 * be used again; after its {@code exp} it could not be anyway).
 *
 * @param tokenId   the listed {@code jti} or grant entry
 * @param expiresAt when the entry stops mattering
 */
public record DenyListEntry(String tokenId, Instant expiresAt) {

    public DenyListEntry {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
