package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scope definitions through the admin API: the name and the description the consent page shows.
 * A client's registration decides which scopes it may ask for; deleting a definition does not
 * take a scope away from clients, it only removes its description (and its listing in discovery's
 * {@code scopes_supported}). Thread-safe.
 */
public final class ManageScopes {

    private static final Logger LOG = LoggerFactory.getLogger(ManageScopes.class);

    private final ScopeRepository scopes;

    public ManageScopes(ScopeRepository scopes) {
        this.scopes = Objects.requireNonNull(scopes, "scopes");
    }

    /** Every definition, by name. */
    public List<ScopeDefinition> list() {
        return scopes.findAll().stream().sorted(Comparator.comparing(definition -> definition.scope().value())).toList();
    }

    /**
     * Creates or replaces the definition of {@code definition}'s scope.
     *
     * @return whether it was new
     */
    public boolean put(ClientId admin, ScopeDefinition definition) {
        boolean created = scopes.findByScope(definition.scope()).isEmpty();
        scopes.save(definition);
        LOG.info("audit: scope {} scope={} by admin_client_id={}", created ? "created" : "replaced",
                definition.scope().value(), admin);
        return created;
    }

    /** Deletes the definition of {@code scope}; returns whether there was one. */
    public boolean delete(ClientId admin, Scope scope) {
        boolean deleted = scopes.delete(scope);
        if (deleted) {
            LOG.info("audit: scope deleted scope={} by admin_client_id={}", scope.value(), admin);
        }
        return deleted;
    }
}
