package dev.portcullis.oauth.adapters.persistence;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link RefreshGrantContract} on in-memory H2 in PostgreSQL mode. */
final class H2RefreshGrantIT extends RefreshGrantContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.h2();

    @Override
    protected TestDatabase database() {
        return DATABASE;
    }
}
