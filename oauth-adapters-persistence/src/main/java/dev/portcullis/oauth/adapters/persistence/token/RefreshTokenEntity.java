package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.adapters.persistence.database.ClaimsColumns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code refresh_token}. Public only so that the persistence unit can register it;
 * {@link RefreshTokenEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "refresh_token")
public final class RefreshTokenEntity {

    @Id
    @Column(name = "token_hash", length = 128)
    String tokenHash;

    @Column(name = "grant_id", nullable = false, length = 255)
    String grantId;

    @Column(name = "client_id", nullable = false, length = 255)
    String clientId;

    @Column(name = "subject", nullable = false, length = 255)
    String subject;

    @Column(name = "scope", nullable = false, length = ScopeColumn.MAX_LENGTH)
    String scope;

    @Column(name = "auth_time", nullable = false)
    Instant authTime;

    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "family_expires_at", nullable = false)
    Instant familyExpiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    @Column(name = "revoked", nullable = false)
    boolean revoked;

    @Column(name = "session_id", length = 64)
    String sessionId;

    /** The amr values, separated by single spaces; null when none are known. */
    @Column(name = "amr", length = 255)
    String authenticationMethods;

    /** The claims asked for one by one for UserInfo (OIDC Core §5.5), see ClaimsColumns. */
    @Column(name = "claims_userinfo", length = ClaimsColumns.MAX_LENGTH)
    String claimsUserinfo;

    /** The claims asked for one by one for the ID token (OIDC Core §5.5), see ClaimsColumns. */
    @Column(name = "claims_id_token", length = ClaimsColumns.MAX_LENGTH)
    String claimsIdToken;
    @Column(name = "resource", length = 2048)
    String resource;

    /** For Hibernate. */
    RefreshTokenEntity() {
    }

    RefreshTokenEntity(String tokenHash) {
        this.tokenHash = tokenHash;
    }
}
