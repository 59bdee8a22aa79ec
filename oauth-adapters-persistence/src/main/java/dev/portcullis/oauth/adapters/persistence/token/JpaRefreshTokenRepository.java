package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.token.RefreshToken;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RefreshTokenRepository} in the {@code refresh_token} table. Each method is one
 * transaction; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Times are stored to the
 * microsecond. Thread-safe, and safe across instances.
 */
public final class JpaRefreshTokenRepository implements RefreshTokenRepository {

    /**
     * RFC 9700 §4.14.2: the whole family at once. Only rows not yet revoked change, so the row
     * count is how many were active, and concurrent calls count each token once between them.
     */
    private static final String REVOKE_GRANT = "update RefreshTokenEntity t set t.revoked = true"
            + " where t.grantId = :grantId and t.revoked = false";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaRefreshTokenRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void save(RefreshToken token) {
        Objects.requireNonNull(token, "token");
        transactions.insert(RefreshTokenEntityMapper.toEntity(token), "a refresh token with this hash");
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return transactions.call(entityManager -> Optional
                .ofNullable(entityManager.find(RefreshTokenEntity.class, tokenHash))
                .map(RefreshTokenEntityMapper::toDomain));
    }

    /**
     * Revokes every token of the grant, expired or not, in one UPDATE; returns how many were not
     * revoked before (the port has no clock, so "active" means "not revoked" here).
     */
    @Override
    public int revokeGrant(String grantId) {
        Objects.requireNonNull(grantId, "grantId");
        return transactions.call(entityManager -> entityManager.createQuery(REVOKE_GRANT)
                .setParameter("grantId", grantId)
                .executeUpdate());
    }

    /** Removes tokens whose expiry is strictly before {@code before}, earliest first, revoked or not. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        return transactions.call(entityManager ->
                ExpiredRows.delete(entityManager, "refresh_token", "token_hash", before, limit));
    }
}
