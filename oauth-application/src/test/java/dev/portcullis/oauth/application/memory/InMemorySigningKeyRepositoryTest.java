package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.SigningKeyRepositoryContract;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;

/** Runs the {@link SigningKeyRepositoryContract} against {@link InMemorySigningKeyRepository}. */
final class InMemorySigningKeyRepositoryTest extends SigningKeyRepositoryContract {

    @Override
    protected SigningKeyRepository emptyRepository() {
        return new InMemorySigningKeyRepository();
    }
}
