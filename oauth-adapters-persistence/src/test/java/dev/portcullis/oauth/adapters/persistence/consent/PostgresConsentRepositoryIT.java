package dev.portcullis.oauth.adapters.persistence.consent;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link JpaConsentRepositoryContract} against {@link JpaConsentRepository} on PostgreSQL. */
final class PostgresConsentRepositoryIT extends JpaConsentRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
