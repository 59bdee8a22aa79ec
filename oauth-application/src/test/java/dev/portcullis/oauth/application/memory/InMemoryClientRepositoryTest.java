package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.ClientRepositoryContract;
import dev.portcullis.oauth.domain.port.ClientRepository;

/** Runs the {@link ClientRepositoryContract} against {@link InMemoryClientRepository}. */
final class InMemoryClientRepositoryTest extends ClientRepositoryContract {

    @Override
    protected ClientRepository emptyRepository() {
        return new InMemoryClientRepository();
    }
}
