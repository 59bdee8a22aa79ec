package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.token.DenyListEntry;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link RevokedAccessTokenRepository} held in memory and lost when the process ends.
 * Thread-safe: each method is one atomic map operation. A token listed twice stays listed until
 * the later of the two expiry times.
 */
public final class InMemoryRevokedAccessTokenRepository implements RevokedAccessTokenRepository {

    private final ConcurrentMap<String, Instant> revoked = new ConcurrentHashMap<>();

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        revoked.merge(tokenId, expiresAt, (stored, given) -> given.isAfter(stored) ? given : stored);
    }

    @Override
    public boolean isRevoked(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return revoked.containsKey(tokenId);
    }

    @Override
    public Optional<Instant> findExpiry(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return Optional.ofNullable(revoked.get(tokenId));
    }

    @Override
    public List<DenyListEntry> findUnexpired(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        ExpiredEntries.requireLimit(limit);
        return revoked.entrySet().stream()
                .filter(entry -> entry.getValue().isAfter(now))
                .limit(limit)
                .map(entry -> new DenyListEntry(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** Removes entries whose expiry is strictly before {@code before}, earliest first. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        return ExpiredEntries.delete(revoked, expiresAt -> expiresAt, before, limit);
    }
}
