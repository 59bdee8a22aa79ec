package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ClaimsColumns;
import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Converts between {@link RefreshToken} and {@link RefreshTokenEntity}. Stateless. */
final class RefreshTokenEntityMapper {

    private RefreshTokenEntityMapper() {
    }

    /** A new row for {@code token}; times are kept to the microsecond, as both databases store them. */
    static RefreshTokenEntity toEntity(RefreshToken token) {
        RefreshTokenEntity entity = new RefreshTokenEntity(token.tokenHash());
        entity.grantId = token.grantId();
        entity.clientId = token.clientId().value();
        entity.subject = token.subject().value();
        entity.scope = ScopeColumn.toColumn(token.scope());
        entity.authTime = token.authTime().truncatedTo(ChronoUnit.MICROS);
        entity.issuedAt = token.issuedAt().truncatedTo(ChronoUnit.MICROS);
        entity.expiresAt = token.expiresAt().truncatedTo(ChronoUnit.MICROS);
        entity.familyExpiresAt = token.familyExpiresAt().truncatedTo(ChronoUnit.MICROS);
        entity.usedAt = token.usedAt().map(time -> time.truncatedTo(ChronoUnit.MICROS)).orElse(null);
        entity.revoked = token.revoked();
        entity.sessionId = token.sessionId().orElse(null);
        entity.authenticationMethods = token.authenticationMethods().isEmpty()
                ? null : String.join(" ", token.authenticationMethods());
        entity.claimsUserinfo = ClaimsColumns.toColumn(token.claims().userinfo());
        entity.claimsIdToken = ClaimsColumns.toColumn(token.claims().idToken());
        entity.resource = token.resource().map(URI::toString).orElse(null);
        return entity;
    }

    /**
     * The token a row holds.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static RefreshToken toDomain(RefreshTokenEntity entity) {
        try {
            return new RefreshToken(entity.tokenHash, entity.grantId, new ClientId(entity.clientId),
                    new Subject(entity.subject), ScopeColumn.fromColumn(entity.scope, "refresh token"), entity.authTime,
                    entity.issuedAt, entity.expiresAt, entity.familyExpiresAt, Optional.ofNullable(entity.usedAt),
                    entity.revoked, Optional.ofNullable(entity.sessionId), authenticationMethods(entity),
                    ClaimsColumns.fromColumns(entity.claimsUserinfo, entity.claimsIdToken),
                    Optional.ofNullable(entity.resource).map(URI::create));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored refresh token is not valid", e);
        }
    }

    private static List<String> authenticationMethods(RefreshTokenEntity entity) {
        return entity.authenticationMethods == null ? List.of() : List.of(entity.authenticationMethods.split(" "));
    }
}
