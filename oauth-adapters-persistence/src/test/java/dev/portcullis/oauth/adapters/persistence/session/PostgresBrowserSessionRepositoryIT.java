package dev.portcullis.oauth.adapters.persistence.session;

import dev.portcullis.oauth.adapters.persistence.TestDatabase;
import dev.portcullis.oauth.application.contract.BrowserSessionRepositoryContract;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Runs the {@link BrowserSessionRepositoryContract} against {@link JpaBrowserSessionRepository} on PostgreSQL. */
final class PostgresBrowserSessionRepositoryIT extends BrowserSessionRepositoryContract {

    @RegisterExtension
    static final TestDatabase DATABASE = TestDatabase.postgres();

    @Override
    protected BrowserSessionRepository emptyRepository() {
        return DATABASE.emptyUnit().browserSessions();
    }
}
