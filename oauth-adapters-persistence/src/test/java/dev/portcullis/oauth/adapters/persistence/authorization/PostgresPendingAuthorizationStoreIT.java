package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.authorization.PendingAuthorizationStore;
import dev.portcullis.oauth.application.contract.PendingAuthorizationStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link PendingAuthorizationStoreContract} against {@link JpaPendingAuthorizationStore} on PostgreSQL. */
final class PostgresPendingAuthorizationStoreIT extends PendingAuthorizationStoreContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected PendingAuthorizationStore emptyStore() {
        return DATABASE.emptyUnit().pendingAuthorizations();
    }
}
