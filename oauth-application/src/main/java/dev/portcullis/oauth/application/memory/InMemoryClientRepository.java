package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ClientRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ClientRepository} held in memory and lost when the process ends. Thread-safe: each
 * method is one atomic map operation. {@link Client} is immutable, so stored values are shared as is.
 */
public final class InMemoryClientRepository implements ClientRepository {

    private final ConcurrentMap<ClientId, Client> clients = new ConcurrentHashMap<>();

    @Override
    public Optional<Client> findById(ClientId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public List<Client> findAll() {
        return clients.values().stream()
                .sorted(Comparator.comparing(client -> client.id().value()))
                .toList();
    }

    @Override
    public void save(Client client) {
        Objects.requireNonNull(client, "client");
        clients.put(client.id(), client);
    }

    @Override
    public boolean delete(ClientId id) {
        Objects.requireNonNull(id, "id");
        return clients.remove(id) != null;
    }
}
