package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import java.util.List;
import java.util.Optional;

/**
 * Stores client registrations. Implementations are thread-safe; each method is atomic.
 * Infrastructure failures surface as {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}.
 */
public interface ClientRepository {

    /** The client registered as {@code id}; empty when there is none. */
    Optional<Client> findById(ClientId id);

    /** All registered clients, ordered by id. */
    List<Client> findAll();

    /** Creates the client, or replaces every field of the one with the same id. */
    void save(Client client);

    /** Removes the client; returns whether one was there. */
    boolean delete(ClientId id);
}
