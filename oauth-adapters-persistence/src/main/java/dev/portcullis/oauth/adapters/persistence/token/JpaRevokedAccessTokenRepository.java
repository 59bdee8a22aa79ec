package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.token.DenyListEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    /**
     * A token and its grant's entry: two single-valued parameters, so that Hibernate translates the
     * query once and reuses the plan (a list parameter is translated again for every call).
     */
    private static final String COUNT_EITHER_LISTED = "select count(e) from RevokedAccessTokenEntity e"
            + " where e.tokenId = :first or e.tokenId = :second";

    /** Two columns, not entities: a copy of a long list loads nothing into a persistence context. */
    private static final String UNEXPIRED = "select e.tokenId, e.expiresAt from RevokedAccessTokenEntity e"
            + " where e.expiresAt > :now";

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

    /**
     * One SELECT by primary key for one id, one SELECT for two (a token and its grant's entry, the
     * case access token validation asks about); more ids are asked for two at a time.
     */
    @Override
    public boolean isAnyRevoked(Set<String> tokenIds) {
        Objects.requireNonNull(tokenIds, "tokenIds");
        List<String> ids = List.copyOf(tokenIds);
        if (ids.size() == 1) {
            return isRevoked(ids.get(0));
        }
        for (int i = 0; i < ids.size(); i += 2) {
            String first = ids.get(i);
            String second = ids.get(Math.min(i + 1, ids.size() - 1));
            if (transactions.read(entityManager -> entityManager.createQuery(COUNT_EITHER_LISTED, Long.class)
                    .setParameter("first", first)
                    .setParameter("second", second)
                    .getSingleResult()) > 0) {
                return true;
            }
        }
        return false;
    }

    /** One SELECT by primary key, in auto-commit. */
    @Override
    public Optional<Instant> findExpiry(String tokenId) {
        Objects.requireNonNull(tokenId, "tokenId");
        return transactions.read(entityManager -> Optional.ofNullable(
                entityManager.find(RevokedAccessTokenEntity.class, tokenId)).map(entity -> entity.expiresAt));
    }

    /** One SELECT on the expiry index, in auto-commit. */
    @Override
    public List<DenyListEntry> findUnexpired(Instant now, int limit) {
        Objects.requireNonNull(now, "now");
        ExpiredRows.requireLimit(limit);
        if (limit == 0) {
            return List.of();
        }
        return transactions.read(entityManager -> entityManager.createQuery(UNEXPIRED, Object[].class)
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(row -> new DenyListEntry((String) row[0], (Instant) row[1]))
                .toList());
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
