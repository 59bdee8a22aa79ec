package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.user.Subject;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ConsentRepository} held in memory and lost when the process ends. Thread-safe: each
 * method is one atomic map operation on immutable values. Unlike the database adapter, it does
 * not check that the client exists, nor drop consents when a client is deleted.
 */
public final class InMemoryConsentRepository implements ConsentRepository {

    private final ConcurrentMap<Key, Consent> consents = new ConcurrentHashMap<>();

    @Override
    public Optional<Consent> find(Subject subject, ClientId clientId) {
        return Optional.ofNullable(consents.get(new Key(subject, clientId)));
    }

    @Override
    public List<Consent> findBySubject(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        return consents.values().stream()
                .filter(consent -> consent.subject().equals(subject))
                .sorted(Comparator.comparing(consent -> consent.clientId().value()))
                .toList();
    }

    @Override
    public void save(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        consents.put(new Key(consent.subject(), consent.clientId()), consent);
    }

    @Override
    public boolean delete(Subject subject, ClientId clientId) {
        return consents.remove(new Key(subject, clientId)) != null;
    }

    /** One consent per user and client. */
    private record Key(Subject subject, ClientId clientId) {
        Key {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(clientId, "clientId");
        }
    }
}
