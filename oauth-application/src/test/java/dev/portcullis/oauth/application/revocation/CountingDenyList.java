package dev.portcullis.oauth.application.revocation;

import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.token.DenyListEntry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The repository of record for tests of the copy: an in-memory deny list that counts the questions
 * asked of it (what the copy saves), the lookups and full loads, and fails like a database that is
 * down while {@link #down} is set. Thread-safe.
 */
public final class CountingDenyList implements RevokedAccessTokenRepository {

    private final InMemoryRevokedAccessTokenRepository stored = new InMemoryRevokedAccessTokenRepository();
    private final AtomicInteger questions = new AtomicInteger();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean down;
    private final AtomicReference<Runnable> afterNextLoad = new AtomicReference<>();

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        failWhenDown();
        stored.revoke(tokenId, expiresAt);
    }

    @Override
    public boolean isRevoked(String tokenId) {
        failWhenDown();
        questions.incrementAndGet();
        return stored.isRevoked(tokenId);
    }

    @Override
    public boolean isAnyRevoked(Set<String> tokenIds) {
        failWhenDown();
        questions.incrementAndGet();
        return stored.isAnyRevoked(tokenIds);
    }

    @Override
    public Optional<Instant> findExpiry(String tokenId) {
        failWhenDown();
        lookups.incrementAndGet();
        return stored.findExpiry(tokenId);
    }

    @Override
    public List<DenyListEntry> findUnexpired(Instant now, int limit) {
        failWhenDown();
        loads.incrementAndGet();
        List<DenyListEntry> unexpired = stored.findUnexpired(now, limit);
        Runnable then = afterNextLoad.getAndSet(null);
        if (then != null) {
            then.run();
        }
        return unexpired;
    }

    @Override
    public int deleteExpired(Instant before, int limit) {
        failWhenDown();
        return stored.deleteExpired(before, limit);
    }

    /** How many times {@code isRevoked} or {@code isAnyRevoked} was asked: each a database round trip. */
    public int questions() {
        return questions.get();
    }

    /** How many entries were looked up by id. */
    public int lookups() {
        return lookups.get();
    }

    /** How many times the whole list was read. */
    public int loads() {
        return loads.get();
    }

    /** Runs {@code action} once, after the next full read has read the list and before it returns. */
    public void afterNextLoad(Runnable action) {
        afterNextLoad.set(action);
    }

    /** Makes every call fail, or succeed again. */
    public void down(boolean value) {
        down = value;
    }

    private void failWhenDown() {
        if (down) {
            throw new ServiceUnavailableException("database", new SQLException("connection refused"));
        }
    }
}
