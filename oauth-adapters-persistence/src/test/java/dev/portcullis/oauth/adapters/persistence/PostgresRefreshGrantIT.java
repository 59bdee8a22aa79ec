package dev.portcullis.oauth.adapters.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link RefreshGrantContract} on PostgreSQL. */
final class PostgresRefreshGrantIT extends RefreshGrantContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
