package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.AuthorizationCodeRepositoryContract;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link AuthorizationCodeRepositoryContract} against {@link JpaAuthorizationCodeRepository} on in-memory H2 in PostgreSQL mode. */
final class H2AuthorizationCodeRepositoryIT extends AuthorizationCodeRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected AuthorizationCodeRepository emptyRepository() {
        return DATABASE.emptyUnit().authorizationCodes();
    }
}
