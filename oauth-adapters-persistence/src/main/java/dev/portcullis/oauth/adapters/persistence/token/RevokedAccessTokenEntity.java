package dev.portcullis.oauth.adapters.persistence.token;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code revoked_access_token}: a revoked JWT access token's {@code jti} and when the
 * token expires. Public only so that the persistence unit can register it; only
 * {@link JpaRevokedAccessTokenRepository} reads and writes it.
 */
@Entity
@Table(name = "revoked_access_token")
public final class RevokedAccessTokenEntity {

    @Id
    @Column(name = "token_id", length = 255)
    String tokenId;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    /** For Hibernate. */
    RevokedAccessTokenEntity() {
    }
}
