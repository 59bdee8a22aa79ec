package dev.portcullis.oauth.adapters.persistence.client;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.ClientRepositoryContract;
import dev.portcullis.oauth.domain.port.ClientRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link ClientRepositoryContract} against {@link JpaClientRepository} on PostgreSQL. */
final class PostgresClientRepositoryIT extends ClientRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected ClientRepository emptyRepository() {
        return DATABASE.emptyUnit().clients();
    }
}
