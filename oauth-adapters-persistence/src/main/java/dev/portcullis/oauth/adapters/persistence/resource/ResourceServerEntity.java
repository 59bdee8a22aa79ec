package dev.portcullis.oauth.adapters.persistence.resource;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/**
 * A row of {@code resource_server} with its scopes and introspecting clients. Public only so that
 * the persistence unit can register it; {@link ResourceServerEntityMapper} is the only way in or out.
 */
@Entity
@Table(name = "resource_server")
public final class ResourceServerEntity {

    @Id
    @Column(name = "identifier", length = 2048)
    String identifier;

    @ElementCollection
    @CollectionTable(name = "resource_server_scope", joinColumns = @JoinColumn(name = "identifier"))
    @Column(name = "scope_name", nullable = false, length = 128)
    Set<String> scopes = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "resource_server_introspector", joinColumns = @JoinColumn(name = "identifier"))
    @Column(name = "client_id", nullable = false, length = 255)
    Set<String> introspectors = new HashSet<>();

    /** For Hibernate. */
    ResourceServerEntity() {
    }
}
