package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.RefreshTokenRepositoryContract;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;

/** Runs the {@link RefreshTokenRepositoryContract} against {@link InMemoryRefreshTokenRepository}. */
final class InMemoryRefreshTokenRepositoryTest extends RefreshTokenRepositoryContract {

    @Override
    protected RefreshTokenRepository emptyRepository() {
        return new InMemoryRefreshTokenRepository();
    }
}
