package dev.portcullis.oauth.adapters.persistence.scope;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A row of {@code oauth_scope}. Public only so that the persistence unit can register it;
 * {@link ScopeEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "oauth_scope")
public final class ScopeEntity {

    @Id
    @Column(name = "scope_name", length = 128)
    String name;

    @Column(name = "description", nullable = false, length = 1000)
    String description;

    /** For Hibernate. */
    ScopeEntity() {
    }

    ScopeEntity(String name) {
        this.name = name;
    }
}
