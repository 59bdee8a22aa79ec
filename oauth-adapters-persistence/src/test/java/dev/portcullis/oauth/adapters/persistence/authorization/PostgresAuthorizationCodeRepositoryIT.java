package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.AuthorizationCodeRepositoryContract;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link AuthorizationCodeRepositoryContract} against {@link JpaAuthorizationCodeRepository} on PostgreSQL. */
final class PostgresAuthorizationCodeRepositoryIT extends AuthorizationCodeRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected AuthorizationCodeRepository emptyRepository() {
        return DATABASE.emptyUnit().authorizationCodes();
    }
}
