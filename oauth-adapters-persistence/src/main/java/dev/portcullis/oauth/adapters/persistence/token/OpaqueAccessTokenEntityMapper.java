package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Converts between {@link OpaqueAccessToken} and {@link OpaqueAccessTokenEntity}. Stateless. */
final class OpaqueAccessTokenEntityMapper {

    private OpaqueAccessTokenEntityMapper() {
    }

    /** A new row for {@code token}; times are kept to the microsecond, as both databases store them. */
    static OpaqueAccessTokenEntity toEntity(OpaqueAccessToken token) {
        OpaqueAccessTokenEntity entity = new OpaqueAccessTokenEntity();
        entity.tokenHash = token.tokenHash();
        entity.tokenId = token.tokenId();
        entity.grantId = token.grantId().orElse(null);
        entity.clientId = token.clientId().value();
        entity.subject = token.subject();
        entity.scope = ScopeColumn.toColumn(token.scope());
        entity.issuedAt = token.issuedAt().truncatedTo(ChronoUnit.MICROS);
        entity.expiresAt = token.expiresAt().truncatedTo(ChronoUnit.MICROS);
        entity.revoked = token.revoked();
        entity.audience.addAll(token.audience());
        return entity;
    }

    /**
     * The token a row holds.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static OpaqueAccessToken toDomain(OpaqueAccessTokenEntity entity) {
        try {
            return new OpaqueAccessToken(entity.tokenHash, entity.tokenId, Optional.ofNullable(entity.grantId),
                    new ClientId(entity.clientId), entity.subject, ScopeColumn.fromColumn(entity.scope, "access token"),
                    entity.audience, entity.issuedAt, entity.expiresAt, entity.revoked);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored access token is not valid", e);
        }
    }
}
