package dev.portcullis.oauth.adapters.persistence.authorization;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import java.time.Instant;
import java.util.Objects;

/**
 * An {@link AuthorizationCodeRepository} in the {@code authorization_code} table. Each method is
 * one transaction, or joins the unit of work in progress; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Times are stored to the
 * microsecond. A code redeemed in time stays {@link Redemption.AlreadyRedeemed} after it expires,
 * until {@link #deleteExpired} removes it. Thread-safe, and safe across instances.
 */
public final class JpaAuthorizationCodeRepository implements AuthorizationCodeRepository {

    /**
     * RFC 6749 §4.1.2: single use. One conditional UPDATE decides: of concurrent redemptions, the
     * database lets one change the row; the others wait for its row lock, then find
     * {@code redeemed_at} set and change nothing. The row is read only afterwards, to report.
     */
    private static final String REDEEM = "update AuthorizationCodeEntity c set c.redeemedAt = :now"
            + " where c.codeHash = :hash and c.redeemedAt is null and c.expiresAt > :now";

    private static final String RECORD_ACCESS_TOKEN = "update AuthorizationCodeEntity c"
            + " set c.accessTokenId = :id, c.accessTokenExpiresAt = :expiresAt where c.codeHash = :hash";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaAuthorizationCodeRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void save(AuthorizationCode code) {
        Objects.requireNonNull(code, "code");
        transactions.insert(AuthorizationCodeEntityMapper.toEntity(code), "an authorization code with this hash");
    }

    @Override
    public Redemption redeem(String codeHash, Instant now) {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(now, "now");
        return transactions.call(entityManager -> {
            int redeemed = entityManager.createQuery(REDEEM)
                    .setParameter("now", AuthorizationCodeEntityMapper.micros(now))
                    .setParameter("hash", codeHash)
                    .executeUpdate();
            AuthorizationCodeEntity entity = entityManager.find(AuthorizationCodeEntity.class, codeHash);
            if (entity == null) {
                return new Redemption.Unknown();
            }
            return redeemed == 1
                    ? new Redemption.Redeemed(AuthorizationCodeEntityMapper.toDomain(entity))
                    : AuthorizationCodeEntityMapper.notRedeemedNow(entity);
        });
    }

    /** Records the token on the code's row; an unknown (or already deleted) code is ignored. */
    @Override
    public void recordAccessToken(String codeHash, String accessTokenId, Instant accessTokenExpiresAt) {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(accessTokenId, "accessTokenId");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        transactions.run(entityManager -> entityManager.createQuery(RECORD_ACCESS_TOKEN)
                .setParameter("id", accessTokenId)
                .setParameter("expiresAt", AuthorizationCodeEntityMapper.micros(accessTokenExpiresAt))
                .setParameter("hash", codeHash)
                .executeUpdate());
    }

    /** Removes codes whose expiry is strictly before {@code before}, earliest first, redeemed or not. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        return transactions.call(entityManager ->
                ExpiredRows.delete(entityManager, "authorization_code", "code_hash", before, limit));
    }
}
