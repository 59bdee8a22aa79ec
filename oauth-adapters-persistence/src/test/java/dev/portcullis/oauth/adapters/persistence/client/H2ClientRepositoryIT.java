package dev.portcullis.oauth.adapters.persistence.client;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.ClientRepositoryContract;
import dev.portcullis.oauth.domain.port.ClientRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link ClientRepositoryContract} against {@link JpaClientRepository} on in-memory H2 in PostgreSQL mode. */
final class H2ClientRepositoryIT extends ClientRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected ClientRepository emptyRepository() {
        return DATABASE.emptyUnit().clients();
    }
}
