package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.AssertionJtiRepositoryContract;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;

/** Runs the {@link AssertionJtiRepositoryContract} against {@link InMemoryAssertionJtiRepository}. */
final class InMemoryAssertionJtiRepositoryTest extends AssertionJtiRepositoryContract {

    @Override
    protected AssertionJtiRepository emptyRepository() {
        return new InMemoryAssertionJtiRepository();
    }
}
