package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ScopeRepository} held in memory and lost when the process ends. Thread-safe: each
 * method is one atomic map operation on immutable values.
 */
public final class InMemoryScopeRepository implements ScopeRepository {

    private final ConcurrentMap<Scope, ScopeDefinition> definitions = new ConcurrentHashMap<>();

    @Override
    public Optional<ScopeDefinition> findByScope(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return Optional.ofNullable(definitions.get(scope));
    }

    @Override
    public List<ScopeDefinition> findAll() {
        return definitions.values().stream()
                .sorted(Comparator.comparing(definition -> definition.scope().value()))
                .toList();
    }

    @Override
    public void save(ScopeDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        definitions.put(definition.scope(), definition);
    }

    @Override
    public boolean delete(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return definitions.remove(scope) != null;
    }
}
