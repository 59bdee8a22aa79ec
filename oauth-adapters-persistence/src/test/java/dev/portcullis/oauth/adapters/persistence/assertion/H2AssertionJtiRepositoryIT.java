package dev.portcullis.oauth.adapters.persistence.assertion;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.AssertionJtiRepositoryContract;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link AssertionJtiRepositoryContract} against {@link JpaAssertionJtiRepository} on in-memory H2 in PostgreSQL mode. */
final class H2AssertionJtiRepositoryIT extends AssertionJtiRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected AssertionJtiRepository emptyRepository() {
        return DATABASE.emptyUnit().assertionJtis();
    }
}
