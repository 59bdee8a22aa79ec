package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Stores the scopes the server knows and their descriptions. Thread-safe; each method is atomic.
 */
public interface ScopeRepository {

    /** The definition of {@code scope}; empty when the scope is not defined. */
    Optional<ScopeDefinition> findByScope(Scope scope);

    /** All defined scopes, ordered by name. */
    List<ScopeDefinition> findAll();

    /** Creates the definition, or replaces the description of an existing one. */
    void save(ScopeDefinition definition);

    /** Removes the definition; returns whether one was there. */
    boolean delete(Scope scope);
}
