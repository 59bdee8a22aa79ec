package dev.portcullis.oauth.adapters.persistence.consent;

import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.user.Subject;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ConsentRepository} in the {@code user_consent} table. Each method is one
 * transaction, or joins the unit of work in progress;
 * database failures surface as {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}.
 * A consent refers to a registered client: saving one for an unknown client throws
 * {@link IllegalArgumentException}, and deleting a client deletes its consents. Times are stored
 * to the microsecond. Thread-safe.
 */
public final class JpaConsentRepository implements ConsentRepository {

    // Sorted here rather than by ORDER BY, whose result depends on the database's collation.
    private static final Comparator<Consent> BY_CLIENT_ID = Comparator.comparing(consent -> consent.clientId().value());

    /**
     * Inserts a placeholder row for the pair unless one exists; save() then overwrites it.
     * ON CONFLICT DO NOTHING waits for a concurrent insert of the same pair instead of failing.
     */
    private static final String CLAIM = "INSERT INTO user_consent (subject, client_id, scope, granted_at)"
            + " VALUES (?1, ?2, '', CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaConsentRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Optional<Consent> find(Subject subject, ClientId clientId) {
        ConsentEntityKey key = key(subject, clientId);
        return transactions.call(entityManager -> Optional
                .ofNullable(entityManager.find(ConsentEntity.class, key))
                .map(ConsentEntityMapper::toDomain));
    }

    @Override
    public List<Consent> findBySubject(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        return transactions.call(entityManager -> entityManager
                .createQuery("select c from ConsentEntity c where c.subject = :subject", ConsentEntity.class)
                .setParameter("subject", subject.value())
                .getResultList().stream()
                .map(ConsentEntityMapper::toDomain)
                .sorted(BY_CLIENT_ID)
                .toList());
    }

    /**
     * @throws IllegalArgumentException when no client is registered with the consent's client id
     */
    @Override
    public void save(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        String subject = consent.subject().value();
        String clientId = consent.clientId().value();
        transactions.run(entityManager -> ConsentEntityMapper.copy(consent, transactions.claim(entityManager,
                ConsentEntity.class, new ConsentEntityKey(subject, clientId), CLAIM, subject, clientId)));
    }

    @Override
    public boolean delete(Subject subject, ClientId clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        return transactions.call(entityManager -> entityManager
                .createQuery("delete from ConsentEntity c where c.subject = :subject and c.clientId = :clientId")
                .setParameter("subject", subject.value())
                .setParameter("clientId", clientId.value())
                .executeUpdate() > 0);
    }

    private static ConsentEntityKey key(Subject subject, ClientId clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        return new ConsentEntityKey(subject.value(), clientId.value());
    }
}
