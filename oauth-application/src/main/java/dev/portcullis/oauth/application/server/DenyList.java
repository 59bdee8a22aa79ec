package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.application.revocation.CachingRevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import java.util.Objects;
import java.util.Optional;

/**
 * The deny list of JWT access tokens a server uses: the repository it was given or, when it hears
 * other instances' changes, the in-memory copy in front of that repository, through which every
 * revocation then goes so that it is announced. Thread-safe.
 *
 * @param repository what the use cases read and write; empty when the server was given none
 * @param copy       the in-memory copy, when there is one, for starting it and reloading it
 */
record DenyList(Optional<RevokedAccessTokenRepository> repository, Optional<CachingRevokedAccessTokenRepository> copy) {

    DenyList {
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(copy, "copy");
    }

    /** The copy, not started yet, when the builder has a deny list, a notifier and room; else the deny list as given. */
    static DenyList of(AuthorizationServerBuilder builder) {
        Optional<RevokedAccessTokenRepository> given = Optional.ofNullable(builder.revokedAccessTokens());
        Optional<CachingRevokedAccessTokenRepository> copy = given
                .filter(repository -> builder.denyListCacheSize() > 0)
                .flatMap(repository -> builder.changes().map(changes -> new CachingRevokedAccessTokenRepository(
                        repository, changes, builder.unitOfWork(), builder.clock(), builder.denyListCacheSize())));
        return new DenyList(copy.<RevokedAccessTokenRepository>map(c -> c).or(() -> given), copy);
    }
}
