package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.ScopeRepositoryContract;
import dev.portcullis.oauth.domain.port.ScopeRepository;

/** Runs the {@link ScopeRepositoryContract} against {@link InMemoryScopeRepository}. */
final class InMemoryScopeRepositoryTest extends ScopeRepositoryContract {

    @Override
    protected ScopeRepository emptyRepository() {
        return new InMemoryScopeRepository();
    }
}
