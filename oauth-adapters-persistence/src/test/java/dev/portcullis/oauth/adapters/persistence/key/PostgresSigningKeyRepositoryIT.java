package dev.portcullis.oauth.adapters.persistence.key;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.SigningKeyRepositoryContract;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link SigningKeyRepositoryContract} against {@link JpaSigningKeyRepository} on PostgreSQL. */
final class PostgresSigningKeyRepositoryIT extends SigningKeyRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected SigningKeyRepository emptyRepository() {
        return DATABASE.emptyUnit().signingKeys();
    }
}
