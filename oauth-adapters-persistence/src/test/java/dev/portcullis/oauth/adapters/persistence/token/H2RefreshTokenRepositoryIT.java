package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.RefreshTokenRepositoryContract;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link RefreshTokenRepositoryContract} against {@link JpaRefreshTokenRepository} on in-memory H2 in PostgreSQL mode. */
final class H2RefreshTokenRepositoryIT extends RefreshTokenRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected RefreshTokenRepository emptyRepository() {
        return DATABASE.emptyUnit().refreshTokens();
    }
}
