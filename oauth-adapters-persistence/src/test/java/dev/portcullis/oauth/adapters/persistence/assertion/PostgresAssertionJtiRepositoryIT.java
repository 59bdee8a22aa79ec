package dev.portcullis.oauth.adapters.persistence.assertion;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.AssertionJtiRepositoryContract;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link AssertionJtiRepositoryContract} against {@link JpaAssertionJtiRepository} on PostgreSQL. */
final class PostgresAssertionJtiRepositoryIT extends AssertionJtiRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected AssertionJtiRepository emptyRepository() {
        return DATABASE.emptyUnit().assertionJtis();
    }
}
