package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * An {@link OpaqueAccessTokenRepository} held in memory and lost when the process ends.
 * Thread-safe: each token changes in one atomic map operation, so concurrent revocations count
 * each token once between them.
 */
public final class InMemoryOpaqueAccessTokenRepository implements OpaqueAccessTokenRepository {

    private final ConcurrentMap<String, OpaqueAccessToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void save(OpaqueAccessToken token) {
        Objects.requireNonNull(token, "token");
        if (tokens.putIfAbsent(token.tokenHash(), token) != null) {
            throw new IllegalStateException("an access token with this hash exists");
        }
    }

    @Override
    public Optional<OpaqueAccessToken> findByHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public boolean revoke(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return revokeIf(tokenHash, token -> true);
    }

    @Override
    public int revokeGrant(String grantId) {
        Objects.requireNonNull(grantId, "grantId");
        int revoked = 0;
        for (String hash : tokens.keySet()) {
            if (revokeIf(hash, token -> token.grantId().filter(grantId::equals).isPresent())) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public int revokeMatching(Optional<String> subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        if (subject.isEmpty() && clientId.isEmpty()) {
            throw new IllegalArgumentException("a subject or a client is required");
        }
        int revoked = 0;
        for (String hash : tokens.keySet()) {
            if (revokeIf(hash, token -> subject.map(token.subject()::equals).orElse(true)
                    && clientId.map(token.clientId()::equals).orElse(true))) {
                revoked++;
            }
        }
        return revoked;
    }

    @Override
    public int deleteExpired(Instant before, int limit) {
        return ExpiredEntries.delete(tokens, OpaqueAccessToken::expiresAt, before, limit);
    }

    private boolean revokeIf(String hash, Predicate<OpaqueAccessToken> condition) {
        AtomicBoolean changed = new AtomicBoolean();
        tokens.computeIfPresent(hash, (key, token) -> {
            if (token.revoked() || !condition.test(token)) {
                return token;
            }
            changed.set(true);
            return token.withRevoked();
        });
        return changed.get();
    }
}
