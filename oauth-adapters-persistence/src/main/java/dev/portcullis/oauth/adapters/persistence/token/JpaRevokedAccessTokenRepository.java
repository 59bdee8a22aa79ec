package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link RevokedAccessTokenRepository} in the {@code revoked_access_token} table. Each method is
 * one transaction, or joins the unit of work in progress; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. A token listed twice
 * stays listed until the later expiry. Times are stored to the microsecond. Thread-safe.
 */
public final class JpaRevokedAccessTokenRepository implements RevokedAccessTokenRepository {

    /**
     * Inserts the entry unless one exists; revoke() then keeps the later expiry. ON CONFLICT DO
     * NOTHING waits for a concurrent insert of the same id instead of failing.
     */
    private static final String CLAIM = "INSERT INTO revoked_access_token (token_id, expires_at)"
            + " VALUES (?1, ?2) ON CONFLICT DO NOTHING";

    private static final String COUNT_LISTED = "select count(e) from RevokedAccessTokenEntity e where e.tokenId in :ids";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaRevokedAccessTokenRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Instant stored = expiresAt.truncatedTo(ChronoUnit.MICROS);
        transactions.run(entityManager -> {
            RevokedAccessTokenEntity entity = transactions.claim(entityManager, RevokedAccessTokenEntity.class, tokenId,
                    CLAIM, tokenId, stored);
            if (stored.isAfter(entity.expiresAt)) {
                entity.expiresAt = stored;
            }
        });
    }

    @Override
    public boolean isRevoked(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return transactions.read(entityManager -> entityManager.find(RevokedAccessTokenEntity.class, tokenId) != null);
    }

    /** One SELECT for all of {@code tokenIds}, whatever their number. */
    @Override
    public boolean isAnyRevoked(Set<String> tokenIds) {
        Objects.requireNonNull(tokenIds, "tokenIds");
        if (tokenIds.isEmpty()) {
            return false;
        }
        return transactions.read(entityManager -> entityManager.createQuery(COUNT_LISTED, Long.class)
                .setParameter("ids", tokenIds)
                .getSingleResult()) > 0;
    }

    /** Removes entries whose expiry is strictly before {@code before}, earliest first. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        return transactions.call(entityManager ->
                ExpiredRows.delete(entityManager, "revoked_access_token", "token_id", before, limit));
    }
}
