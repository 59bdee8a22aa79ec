package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ClaimsColumns;
import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Converts between {@link RefreshToken} and {@link RefreshTokenEntity}, and between a token and the
 * columns of a plain JDBC statement on {@code refresh_token}. Stateless.
 */
final class RefreshTokenEntityMapper {

    /** Every column of {@code refresh_token}, in the order {@link #bind} binds them. */
    static final List<String> COLUMNS = List.of("token_hash", "grant_id", "client_id", "subject", "scope", "auth_time",
            "issued_at", "expires_at", "family_expires_at", "used_at", "revoked", "session_id", "amr",
            "claims_userinfo", "claims_id_token", "resource");

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

    /**
     * Binds the row of {@code token} to the parameters 1 to 16 of {@code statement}, in the order of
     * {@link #COLUMNS}; times to the microsecond, as {@link #toEntity} keeps them.
     */
    static void bind(RefreshToken token, PreparedStatement statement) throws SQLException {
        RefreshTokenEntity row = toEntity(token);
        statement.setString(1, row.tokenHash);
        statement.setString(2, row.grantId);
        statement.setString(3, row.clientId);
        statement.setString(4, row.subject);
        statement.setString(5, row.scope);
        statement.setObject(6, time(row.authTime));
        statement.setObject(7, time(row.issuedAt));
        statement.setObject(8, time(row.expiresAt));
        statement.setObject(9, time(row.familyExpiresAt));
        if (row.usedAt == null) {
            statement.setNull(10, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(10, time(row.usedAt));
        }
        statement.setBoolean(11, row.revoked);
        statement.setString(12, row.sessionId);
        statement.setString(13, row.authenticationMethods);
        statement.setString(14, row.claimsUserinfo);
        statement.setString(15, row.claimsIdToken);
        statement.setString(16, row.resource);
    }

    /**
     * The token in the current row of {@code rows}, which holds every one of {@link #COLUMNS}.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static RefreshToken fromRow(ResultSet rows) throws SQLException {
        RefreshTokenEntity row = new RefreshTokenEntity(rows.getString("token_hash"));
        row.grantId = rows.getString("grant_id");
        row.clientId = rows.getString("client_id");
        row.subject = rows.getString("subject");
        row.scope = rows.getString("scope");
        row.authTime = instant(rows, "auth_time");
        row.issuedAt = instant(rows, "issued_at");
        row.expiresAt = instant(rows, "expires_at");
        row.familyExpiresAt = instant(rows, "family_expires_at");
        row.usedAt = instant(rows, "used_at");
        row.revoked = rows.getBoolean("revoked");
        row.sessionId = rows.getString("session_id");
        row.authenticationMethods = rows.getString("amr");
        row.claimsUserinfo = rows.getString("claims_userinfo");
        row.claimsIdToken = rows.getString("claims_id_token");
        row.resource = rows.getString("resource");
        return toDomain(row);
    }

    /** A {@code timestamp with time zone} parameter, in UTC: both drivers take an OffsetDateTime. */
    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> authenticationMethods(RefreshTokenEntity entity) {
        return entity.authenticationMethods == null ? List.of() : List.of(entity.authenticationMethods.split(" "));
    }
}
