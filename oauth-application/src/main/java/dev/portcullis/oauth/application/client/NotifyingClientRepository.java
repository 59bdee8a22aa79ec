package dev.portcullis.oauth.application.client;

import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ChangeNotifier;
import dev.portcullis.oauth.domain.port.ClientRepository;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ClientRepository} that announces every committed write ({@link ChangeTopic#CLIENTS}, keyed
 * by {@code client_id}), so that every instance drops the client from its cache. A write that fails
 * announces nothing. Thread-safe when the delegate is.
 */
public final class NotifyingClientRepository implements ClientRepository {

    private final ClientRepository delegate;
    private final ChangeNotifier changes;

    /**
     * @param delegate the repository of record
     * @param changes  where writes are announced
     */
    public NotifyingClientRepository(ClientRepository delegate, ChangeNotifier changes) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.changes = Objects.requireNonNull(changes, "changes");
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        return delegate.findById(id);
    }

    @Override
    public List<Client> findAll() {
        return delegate.findAll();
    }

    @Override
    public void save(Client client) {
        delegate.save(client);
        changes.publish(Change.of(ChangeTopic.CLIENTS, client.id().value()));
    }

    @Override
    public boolean delete(ClientId id) {
        boolean deleted = delegate.delete(id);
        if (deleted) {
            changes.publish(Change.of(ChangeTopic.CLIENTS, id.value()));
        }
        return deleted;
    }
}
