package dev.portcullis.oauth.adapters.persistence.consent;

import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code user_consent}, keyed by user and client; the client row's deletion cascades
 * here. Public only so that the persistence unit can register it; {@link ConsentEntityMapper} is
 * the only way in or out.
 */
@Entity
@Table(name = "user_consent")
@IdClass(ConsentEntityKey.class)
public final class ConsentEntity {

    @Id
    @Column(name = "subject", length = 255)
    String subject;

    @Id
    @Column(name = "client_id", length = 255)
    String clientId;

    @Column(name = "scope", nullable = false, length = ScopeColumn.MAX_LENGTH)
    String scope;

    @Column(name = "granted_at", nullable = false)
    Instant grantedAt;

    /** For Hibernate. */
    ConsentEntity() {
    }
}
