package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.BrowserSessionRepositoryContract;
import dev.portcullis.oauth.domain.port.BrowserSessionRepository;

/** Runs the {@link BrowserSessionRepositoryContract} against {@link InMemoryBrowserSessionRepository}. */
final class InMemoryBrowserSessionRepositoryTest extends BrowserSessionRepositoryContract {

    @Override
    protected BrowserSessionRepository emptyRepository() {
        return new InMemoryBrowserSessionRepository();
    }
}
