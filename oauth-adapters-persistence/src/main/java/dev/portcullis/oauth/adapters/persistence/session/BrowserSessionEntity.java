package dev.portcullis.oauth.adapters.persistence.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code browser_session}. Public only so that the persistence unit can register it;
 * {@link BrowserSessionEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "browser_session")
public final class BrowserSessionEntity {

    @Id
    @Column(name = "id_hash", length = 128)
    String idHash;

    @Column(name = "subject", nullable = false, length = 255)
    String subject;

    @Column(name = "auth_time", nullable = false)
    Instant authTime;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    /** For Hibernate. */
    BrowserSessionEntity() {
    }
}
