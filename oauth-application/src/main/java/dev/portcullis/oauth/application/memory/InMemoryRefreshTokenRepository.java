package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A {@link RefreshTokenRepository} held in memory and lost when the process ends. Thread-safe:
 * each token changes in one atomic map operation, so of concurrent {@link #use} calls for one
 * token exactly one wins, and concurrent {@link #revokeGrant} calls count each token once between them.
 */
public final class InMemoryRefreshTokenRepository implements RefreshTokenRepository {

    private final ConcurrentMap<String, RefreshToken> tokens = new ConcurrentHashMap<>();

    @Override
    public void save(RefreshToken token) {
        Objects.requireNonNull(token, "token");
        if (tokens.putIfAbsent(token.tokenHash(), token) != null) {
            throw new IllegalStateException("a refresh token with this hash exists");
        }
    }

    @Override
    public boolean saveIfAbsent(RefreshToken token) {
        Objects.requireNonNull(token, "token");
        return tokens.putIfAbsent(token.tokenHash(), token) == null;
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return Optional.ofNullable(tokens.get(tokenHash));
    }

    @Override
    public Optional<RefreshToken> use(String tokenHash, Instant now) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(now, "now");
        AtomicReference<RefreshToken> used = new AtomicReference<>();
        tokens.computeIfPresent(tokenHash, (key, token) -> {
            if (!token.isActiveAt(now)) {
                return token;
            }
            used.set(token.withUsedAt(now));
            return used.get();
        });
        return Optional.ofNullable(used.get());
    }

    /**
     * Never: a map has no transaction to hold a use in, so a {@link #use} counts at once, and a
     * request refused after it could not take it back unseen.
     */
    @Override
    public boolean holdsUsesUntilCommit() {
        return false;
    }

    /** @throws IllegalStateException always: this repository never holds a use ({@link #holdsUsesUntilCommit()}) */
    @Override
    public void release(String tokenHash, Instant usedAt) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(usedAt, "usedAt");
        throw new IllegalStateException("an in-memory refresh token repository holds no use to release");
    }

    /**
     * Revokes every token of the grant, expired or not; returns how many were not revoked before
     * (the port has no clock, so "active" means "not revoked" here).
     */
    @Override
    public int revokeGrant(String grantId) {
        Objects.requireNonNull(grantId, "grantId");
        return revokeWhere(token -> token.grantId().equals(grantId));
    }

    @Override
    public int revokeSubject(Subject subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        return revokeWhere(token -> token.subject().equals(subject)
                && clientId.map(id -> id.equals(token.clientId())).orElse(true));
    }

    @Override
    public Map<String, ClientId> liveGrants(Optional<Subject> subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        if (subject.isEmpty() && clientId.isEmpty()) {
            throw new IllegalArgumentException("a subject or a client is required");
        }
        Map<String, ClientId> grants = new HashMap<>();
        for (RefreshToken token : tokens.values()) {
            if (!token.revoked() && subject.map(token.subject()::equals).orElse(true)
                    && clientId.map(token.clientId()::equals).orElse(true)) {
                grants.put(token.grantId(), token.clientId());
            }
        }
        return Map.copyOf(grants);
    }

    @Override
    public int revokeClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return revokeWhere(token -> token.clientId().equals(clientId));
    }

    /** Revokes each matching token atomically, counting only those this call changed. */
    private int revokeWhere(Predicate<RefreshToken> matches) {
        int revoked = 0;
        for (String hash : tokens.keySet()) {
            AtomicBoolean changed = new AtomicBoolean();
            tokens.computeIfPresent(hash, (key, token) -> {
                if (token.revoked() || !matches.test(token)) {
                    return token;
                }
                changed.set(true);
                return token.withRevoked();
            });
            if (changed.get()) {
                revoked++;
            }
        }
        return revoked;
    }

    /** Removes tokens whose family expiry is strictly before {@code before}, earliest first, revoked or not. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        return ExpiredEntries.delete(tokens, RefreshToken::familyExpiresAt, before, limit);
    }
}
