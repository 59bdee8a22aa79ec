package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ResourceServerRepository} held in memory and lost when the process ends. Thread-safe:
 * each method is one atomic map operation on immutable values. Identifiers are compared as
 * strings, exactly.
 */
public final class InMemoryResourceServerRepository implements ResourceServerRepository {

    private final ConcurrentMap<String, ResourceServer> resources = new ConcurrentHashMap<>();

    @Override
    public Optional<ResourceServer> findByIdentifier(URI identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return Optional.ofNullable(resources.get(identifier.toString()));
    }

    @Override
    public List<ResourceServer> findAll() {
        return resources.values().stream()
                .sorted(Comparator.comparing(resource -> resource.identifier().toString()))
                .toList();
    }

    @Override
    public void save(ResourceServer resource) {
        Objects.requireNonNull(resource, "resource");
        resources.put(resource.identifier().toString(), resource);
    }

    @Override
    public boolean delete(URI identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return resources.remove(identifier.toString()) != null;
    }
}
