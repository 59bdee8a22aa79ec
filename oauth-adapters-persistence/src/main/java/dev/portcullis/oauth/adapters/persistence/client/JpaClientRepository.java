package dev.portcullis.oauth.adapters.persistence.client;

import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.ClientRepository;
import jakarta.persistence.LockModeType;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ClientRepository} in the {@code oauth_client} tables. Each method is one
 * transaction, or joins the unit of work in progress;
 * database failures surface as {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}.
 * Thread-safe.
 */
public final class JpaClientRepository implements ClientRepository {

    // Sorted here rather than by ORDER BY, whose result depends on the database's collation.
    private static final Comparator<Client> BY_ID = Comparator.comparing(client -> client.id().value());

    /**
     * Inserts a placeholder row for the id unless one exists; save() then overwrites every column.
     * ON CONFLICT DO NOTHING (PostgreSQL, and H2 in PostgreSQL mode) waits for a concurrent insert
     * of the same id instead of failing, so concurrent first saves never collide.
     */
    private static final String CLAIM = "INSERT INTO oauth_client (client_id, client_name, authentication_method,"
            + " access_token_lifetime_seconds, refresh_token_lifetime_seconds, authorization_code_lifetime_seconds,"
            + " refresh_token_idle_seconds) VALUES (?1, '-', '-', 0, 0, 0, 0) ON CONFLICT DO NOTHING";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaClientRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Optional<Client> findById(ClientId id) {
        Objects.requireNonNull(id, "id");
        // The shared row lock keeps writers out while the child rows load in further statements,
        // so that a reader never sees half of a concurrent save.
        return transactions.call(entityManager -> Optional
                .ofNullable(entityManager.find(ClientEntity.class, id.value(), LockModeType.PESSIMISTIC_READ))
                .map(ClientEntityMapper::toDomain));
    }

    @Override
    public List<Client> findAll() {
        return transactions.call(entityManager -> entityManager
                .createQuery("select c from ClientEntity c", ClientEntity.class)
                .setLockMode(LockModeType.PESSIMISTIC_READ)
                .getResultList().stream()
                .map(ClientEntityMapper::toDomain)
                .sorted(BY_ID)
                .toList());
    }

    @Override
    public void save(Client client) {
        Objects.requireNonNull(client, "client");
        transactions.run(entityManager -> {
            ClientEntity entity = transactions.claim(entityManager, ClientEntity.class, client.id().value(), CLAIM);
            ClientEntityMapper.copy(client, entity);
        });
    }

    @Override
    public boolean delete(ClientId id) {
        Objects.requireNonNull(id, "id");
        return transactions.call(entityManager -> {
            // Locks the client row before its child rows, in the order save() does, so that a
            // concurrent save and delete of one client wait for each other instead of deadlocking.
            ClientEntity entity = entityManager.find(ClientEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE);
            if (entity == null) {
                return false;
            }
            entityManager.remove(entity);
            return true;
        });
    }
}
