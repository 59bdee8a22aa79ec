package dev.portcullis.oauth.adapters.persistence.resource;

import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ResourceServerRepository} in the {@code resource_server} tables. Each method is one
 * transaction, or joins the unit of work in progress; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Thread-safe.
 */
public final class JpaResourceServerRepository implements ResourceServerRepository {

    // Sorted here rather than by ORDER BY, whose result depends on the database's collation.
    private static final Comparator<ResourceServer> BY_IDENTIFIER = Comparator.comparing(r -> r.identifier().toString());

    /** Inserts the row unless it exists; see {@link Transactions#claim}. */
    private static final String CLAIM = "INSERT INTO resource_server (identifier) VALUES (?1) ON CONFLICT DO NOTHING";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaResourceServerRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Optional<ResourceServer> findByIdentifier(URI identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return transactions.call(entityManager -> Optional
                .ofNullable(entityManager.find(ResourceServerEntity.class, identifier.toString()))
                .map(ResourceServerEntityMapper::toDomain));
    }

    @Override
    public List<ResourceServer> findAll() {
        return transactions.call(entityManager -> entityManager
                .createQuery("select r from ResourceServerEntity r", ResourceServerEntity.class)
                .getResultList().stream()
                .map(ResourceServerEntityMapper::toDomain)
                .sorted(BY_IDENTIFIER)
                .toList());
    }

    @Override
    public void save(ResourceServer resource) {
        Objects.requireNonNull(resource, "resource");
        transactions.run(entityManager -> {
            ResourceServerEntity entity = transactions.claim(entityManager, ResourceServerEntity.class,
                    resource.identifier().toString(), CLAIM);
            ResourceServerEntityMapper.copy(resource, entity);
        });
    }

    @Override
    public boolean delete(URI identifier) {
        Objects.requireNonNull(identifier, "identifier");
        return transactions.call(entityManager -> {
            ResourceServerEntity entity = entityManager.find(ResourceServerEntity.class, identifier.toString());
            if (entity == null) {
                return false;
            }
            entityManager.remove(entity);
            return true;
        });
    }
}
