package dev.portcullis.oauth.adapters.persistence.scope;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.ScopeRepositoryContract;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link ScopeRepositoryContract} against {@link JpaScopeRepository} on in-memory H2 in PostgreSQL mode. */
final class H2ScopeRepositoryIT extends ScopeRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected ScopeRepository emptyRepository() {
        return DATABASE.emptyUnit().scopes();
    }
}
