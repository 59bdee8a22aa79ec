package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A row of {@code opaque_access_token} with its audience. Public only so that the persistence
 * unit can register it; {@link OpaqueAccessTokenEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "opaque_access_token")
public final class OpaqueAccessTokenEntity {

    @Id
    @Column(name = "token_hash", length = 128)
    String tokenHash;

    @Column(name = "token_id", nullable = false, length = 255)
    String tokenId;

    @Column(name = "grant_id", length = 255)
    String grantId;

    @Column(name = "client_id", nullable = false, length = 255)
    String clientId;

    @Column(name = "subject", nullable = false, length = 255)
    String subject;

    @Column(name = "scope", nullable = false, length = ScopeColumn.MAX_LENGTH)
    String scope;

    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "revoked", nullable = false)
    boolean revoked;

    @ElementCollection
    @CollectionTable(name = "opaque_access_token_audience", joinColumns = @JoinColumn(name = "token_hash"))
    @OrderColumn(name = "list_index")
    @Column(name = "audience", nullable = false, length = 2048)
    List<String> audience = new ArrayList<>();

    /** For Hibernate. */
    OpaqueAccessTokenEntity() {
    }
}
