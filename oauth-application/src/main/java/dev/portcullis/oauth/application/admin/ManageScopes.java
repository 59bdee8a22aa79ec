package dev.portcullis.oauth.application.admin;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.event.ScopeChanged;
import dev.portcullis.oauth.domain.port.EventPublisher;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Scope definitions through the admin API: the name and the description the consent page shows.
 * A client's registration decides which scopes it may ask for; deleting a definition does not
 * take a scope away from clients, it only removes its description (and its listing in discovery's
 * {@code scopes_supported}). Thread-safe.
 */
public final class ManageScopes {

    private final ScopeRepository scopes;
    private final EventPublisher events;
    private final Clock clock;

    /**
     * @param scopes where definitions are kept
     * @param events where each change is reported (the audit trail)
     * @param clock  the time of each change
     */
    public ManageScopes(ScopeRepository scopes, EventPublisher events, Clock clock) {
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
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
        events.publish(new ScopeChanged(Instant.now(clock), definition.scope().value(),
                created ? ScopeChanged.Change.CREATED : ScopeChanged.Change.REPLACED, admin));
        return created;
    }

    /** Deletes the definition of {@code scope}; returns whether there was one. */
    public boolean delete(ClientId admin, Scope scope) {
        boolean deleted = scopes.delete(scope);
        if (deleted) {
            events.publish(new ScopeChanged(Instant.now(clock), scope.value(), ScopeChanged.Change.DELETED, admin));
        }
        return deleted;
    }
}
