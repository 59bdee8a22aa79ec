package dev.portcullis.oauth.adapters.persistence.consent;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link JpaConsentRepositoryContract} against {@link JpaConsentRepository} on in-memory H2 in PostgreSQL mode. */
final class H2ConsentRepositoryIT extends JpaConsentRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
