package dev.portcullis.oauth.adapters.persistence.assertion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code client_assertion_jti}: one spent assertion {@code jti} of one client, until the
 * assertion expires. Public only so that the persistence unit can register it (and validate the
 * schema against it); {@link JpaAssertionJtiRepository} writes it with native SQL.
 */
@Entity
@Table(name = "client_assertion_jti")
public final class AssertionJtiEntity {

    @Id
    @Column(name = "jti_key", length = 64)
    String key;

    @Column(name = "client_id", nullable = false, length = 255)
    String clientId;

    @Column(name = "jti", nullable = false, length = 255)
    String jti;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    /** For Hibernate. */
    AssertionJtiEntity() {
    }
}
