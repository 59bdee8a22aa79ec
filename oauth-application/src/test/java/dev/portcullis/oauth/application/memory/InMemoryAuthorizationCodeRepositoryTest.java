package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.application.contract.AuthorizationCodeRepositoryContract;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;

/** Runs the {@link AuthorizationCodeRepositoryContract} against {@link InMemoryAuthorizationCodeRepository}. */
final class InMemoryAuthorizationCodeRepositoryTest extends AuthorizationCodeRepositoryContract {

    @Override
    protected AuthorizationCodeRepository emptyRepository() {
        return new InMemoryAuthorizationCodeRepository();
    }
}
