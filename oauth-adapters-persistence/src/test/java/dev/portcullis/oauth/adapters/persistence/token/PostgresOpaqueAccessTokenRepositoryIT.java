package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.OpaqueAccessTokenRepositoryContract;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link OpaqueAccessTokenRepositoryContract} against {@link JpaOpaqueAccessTokenRepository} on PostgreSQL. */
final class PostgresOpaqueAccessTokenRepositoryIT extends OpaqueAccessTokenRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected OpaqueAccessTokenRepository emptyRepository() {
        return DATABASE.emptyUnit().opaqueAccessTokens();
    }
}
