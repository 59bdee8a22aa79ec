package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.ConsentRepositoryContract;
import dev.portcullis.oauth.domain.port.ConsentRepository;

/** Runs the {@link ConsentRepositoryContract} against {@link InMemoryConsentRepository}. */
final class InMemoryConsentRepositoryTest extends ConsentRepositoryContract {

    @Override
    protected ConsentRepository emptyRepository() {
        return new InMemoryConsentRepository();
    }
}
