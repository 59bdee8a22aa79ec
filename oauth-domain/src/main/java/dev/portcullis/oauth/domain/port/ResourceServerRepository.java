package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.resource.ResourceServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Stores the resource servers (RFC 8707) by identifier. Thread-safe; each method is atomic. */
public interface ResourceServerRepository {

    /** The resource whose identifier is exactly {@code identifier}; empty when there is none. */
    Optional<ResourceServer> findByIdentifier(URI identifier);

    /** Every resource, ordered by identifier. */
    List<ResourceServer> findAll();

    /** Creates the resource, or replaces the one with the same identifier. */
    void save(ResourceServer resource);

    /** Removes the resource; returns whether one was there. */
    boolean delete(URI identifier);
}
