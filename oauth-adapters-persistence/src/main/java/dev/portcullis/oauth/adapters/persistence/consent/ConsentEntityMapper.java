package dev.portcullis.oauth.adapters.persistence.consent;

import dev.portcullis.oauth.adapters.persistence.database.ScopeColumn;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.temporal.ChronoUnit;

/** Converts between {@link Consent} and {@link ConsentEntity}. Stateless. */
final class ConsentEntityMapper {

    private ConsentEntityMapper() {
    }

    /**
     * The consent a row holds.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static Consent toDomain(ConsentEntity entity) {
        try {
            return new Consent(new Subject(entity.subject), new ClientId(entity.clientId),
                    ScopeColumn.fromColumn(entity.scope, "consent"), entity.grantedAt);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored consent is not valid", e);
        }
    }

    /** Writes the scope and time of {@code consent} over {@code entity}, to the microsecond. */
    static void copy(Consent consent, ConsentEntity entity) {
        entity.scope = ScopeColumn.toColumn(consent.scope());
        entity.grantedAt = consent.grantedAt().truncatedTo(ChronoUnit.MICROS);
    }
}
