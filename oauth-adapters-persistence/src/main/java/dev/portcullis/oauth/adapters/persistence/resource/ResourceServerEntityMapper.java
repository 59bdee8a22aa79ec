package dev.portcullis.oauth.adapters.persistence.resource;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.stream.Collectors;

/** Maps {@link ResourceServer} to and from {@link ResourceServerEntity}. */
final class ResourceServerEntityMapper {

    private ResourceServerEntityMapper() {
    }

    static ResourceServer toDomain(ResourceServerEntity entity) {
        return new ResourceServer(URI.create(entity.identifier), ScopeSet.of(entity.scopes),
                entity.introspectors.stream().map(ClientId::new).collect(Collectors.toSet()));
    }

    /** Overwrites everything but the identifier of {@code entity} with {@code resource}. */
    static void copy(ResourceServer resource, ResourceServerEntity entity) {
        entity.scopes.clear();
        entity.scopes.addAll(resource.scopes().values());
        entity.introspectors.clear();
        resource.introspectors().forEach(client -> entity.introspectors.add(client.value()));
    }
}
