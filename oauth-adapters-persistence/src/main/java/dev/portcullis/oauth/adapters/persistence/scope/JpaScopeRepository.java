package dev.portcullis.oauth.adapters.persistence.scope;

import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ScopeRepository} in the {@code oauth_scope} table. Each method is one
 * transaction, or joins the unit of work in progress;
 * database failures surface as {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}.
 * Thread-safe.
 */
public final class JpaScopeRepository implements ScopeRepository {

    // Sorted here rather than by ORDER BY, whose result depends on the database's collation.
    private static final Comparator<ScopeDefinition> BY_NAME = Comparator.comparing(d -> d.scope().value());

    /** Inserts a placeholder row for the scope unless one exists; see {@link Transactions#claim}. */
    private static final String CLAIM =
            "INSERT INTO oauth_scope (scope_name, description) VALUES (?1, '') ON CONFLICT DO NOTHING";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaScopeRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Optional<ScopeDefinition> findByScope(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return transactions.call(entityManager ->
                Optional.ofNullable(entityManager.find(ScopeEntity.class, scope.value())).map(ScopeEntityMapper::toDomain));
    }

    @Override
    public List<ScopeDefinition> findAll() {
        return transactions.call(entityManager -> entityManager
                .createQuery("select s from ScopeEntity s", ScopeEntity.class)
                .getResultList().stream()
                .map(ScopeEntityMapper::toDomain)
                .sorted(BY_NAME)
                .toList());
    }

    @Override
    public void save(ScopeDefinition definition) {
        Objects.requireNonNull(definition, "definition");
        transactions.run(entityManager -> {
            ScopeEntity entity = transactions.claim(entityManager, ScopeEntity.class, definition.scope().value(), CLAIM);
            ScopeEntityMapper.copy(definition, entity);
        });
    }

    @Override
    public boolean delete(Scope scope) {
        Objects.requireNonNull(scope, "scope");
        return transactions.call(entityManager -> entityManager
                .createQuery("delete from ScopeEntity s where s.name = :name")
                .setParameter("name", scope.value())
                .executeUpdate() > 0);
    }
}
