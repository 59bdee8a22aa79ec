package dev.portcullis.oauth.adapters.persistence.session;

import dev.portcullis.oauth.domain.session.BrowserSession;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.temporal.ChronoUnit;

/** Converts between {@link BrowserSession} and {@link BrowserSessionEntity}. Stateless. */
final class BrowserSessionEntityMapper {

    private BrowserSessionEntityMapper() {
    }

    /**
     * The session a row holds.
     *
     * @throws IllegalStateException when the row holds a value the model rejects
     */
    static BrowserSession toDomain(BrowserSessionEntity entity) {
        try {
            return new BrowserSession(entity.idHash, new Subject(entity.subject), entity.authTime, entity.expiresAt);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a stored browser session is not valid", e);
        }
    }

    /** Writes every field of {@code session} but its id over {@code entity}, to the microsecond. */
    static void copy(BrowserSession session, BrowserSessionEntity entity) {
        entity.subject = session.subject().value();
        entity.authTime = session.authTime().truncatedTo(ChronoUnit.MICROS);
        entity.expiresAt = session.expiresAt().truncatedTo(ChronoUnit.MICROS);
    }
}
