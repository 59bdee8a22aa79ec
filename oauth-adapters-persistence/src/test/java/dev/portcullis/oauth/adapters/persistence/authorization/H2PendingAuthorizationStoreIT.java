package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.authorization.PendingAuthorizationStore;
import dev.portcullis.oauth.application.contract.PendingAuthorizationStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link PendingAuthorizationStoreContract} against {@link JpaPendingAuthorizationStore} on in-memory H2 in PostgreSQL mode. */
final class H2PendingAuthorizationStoreIT extends PendingAuthorizationStoreContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected PendingAuthorizationStore emptyStore() {
        return DATABASE.emptyUnit().pendingAuthorizations();
    }
}
