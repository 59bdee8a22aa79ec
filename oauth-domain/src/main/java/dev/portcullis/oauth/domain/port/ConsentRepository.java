package dev.portcullis.oauth.domain.port;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.user.Subject;
import java.util.List;
import java.util.Optional;

/** Stores consents, one per user and client. Thread-safe. */
public interface ConsentRepository {

    /** The consent of {@code subject} for {@code clientId}; empty when none was given. */
    Optional<Consent> find(Subject subject, ClientId clientId);

    /** All consents of {@code subject}, ordered by client id. */
    List<Consent> findBySubject(Subject subject);

    /** Creates or replaces the consent of its user for its client. */
    void save(Consent consent);

    /** Revokes the consent; returns whether one was there. */
    boolean delete(Subject subject, ClientId clientId);
}
