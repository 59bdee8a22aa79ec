package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.ResourceServerRepositoryContract;
import dev.portcullis.oauth.domain.port.ResourceServerRepository;

/** Runs the {@link ResourceServerRepositoryContract} against {@link InMemoryResourceServerRepository}. */
final class InMemoryResourceServerRepositoryTest extends ResourceServerRepositoryContract {

    @Override
    protected ResourceServerRepository emptyRepository() {
        return new InMemoryResourceServerRepository();
    }
}
