package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.OpaqueAccessTokenRepositoryContract;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;

/** Runs the {@link OpaqueAccessTokenRepositoryContract} against {@link InMemoryOpaqueAccessTokenRepository}. */
final class InMemoryOpaqueAccessTokenRepositoryTest extends OpaqueAccessTokenRepositoryContract {

    @Override
    protected OpaqueAccessTokenRepository emptyRepository() {
        return new InMemoryOpaqueAccessTokenRepository();
    }
}
