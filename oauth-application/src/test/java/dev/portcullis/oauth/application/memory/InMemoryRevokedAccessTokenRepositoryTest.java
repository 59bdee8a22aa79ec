package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.RevokedAccessTokenRepositoryContract;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;

/** Runs the {@link RevokedAccessTokenRepositoryContract} against {@link InMemoryRevokedAccessTokenRepository}. */
final class InMemoryRevokedAccessTokenRepositoryTest extends RevokedAccessTokenRepositoryContract {

    @Override
    protected RevokedAccessTokenRepository emptyRepository() {
        return new InMemoryRevokedAccessTokenRepository();
    }
}
