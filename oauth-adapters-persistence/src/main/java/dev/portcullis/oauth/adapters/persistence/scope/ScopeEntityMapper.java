package dev.portcullis.oauth.adapters.persistence.scope;

import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;

/** Converts between {@link ScopeDefinition} and {@link ScopeEntity}. Stateless. */
final class ScopeEntityMapper {

    private ScopeEntityMapper() {
    }

    /** The definition a row holds. */
    static ScopeDefinition toDomain(ScopeEntity entity) {
        return new ScopeDefinition(new Scope(entity.name), entity.description);
    }

    /** Writes {@code definition}'s description over {@code entity}'s. */
    static void copy(ScopeDefinition definition, ScopeEntity entity) {
        entity.description = definition.description();
    }
}
