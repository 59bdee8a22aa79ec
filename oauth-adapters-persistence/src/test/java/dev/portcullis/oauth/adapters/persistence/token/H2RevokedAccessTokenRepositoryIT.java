package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.RevokedAccessTokenRepositoryContract;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link RevokedAccessTokenRepositoryContract} against {@link JpaRevokedAccessTokenRepository} on in-memory H2 in PostgreSQL mode. */
final class H2RevokedAccessTokenRepositoryIT extends RevokedAccessTokenRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected RevokedAccessTokenRepository emptyRepository() {
        return DATABASE.emptyUnit().revokedAccessTokens();
    }
}
