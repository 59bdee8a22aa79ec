package dev.portcullis.oauth.adapters.persistence.resource;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.ResourceServerRepositoryContract;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link ResourceServerRepositoryContract} against {@link JpaResourceServerRepository} on PostgreSQL. */
final class PostgresResourceServerRepositoryIT extends ResourceServerRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected ResourceServerRepository emptyRepository() {
        return DATABASE.emptyUnit().resources();
    }
}
