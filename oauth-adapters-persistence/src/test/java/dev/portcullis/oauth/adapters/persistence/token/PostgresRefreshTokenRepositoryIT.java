package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.RefreshTokenRepositoryContract;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link RefreshTokenRepositoryContract} against {@link JpaRefreshTokenRepository} on PostgreSQL. */
final class PostgresRefreshTokenRepositoryIT extends RefreshTokenRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected RefreshTokenRepository emptyRepository() {
        return DATABASE.emptyUnit().refreshTokens();
    }
}
