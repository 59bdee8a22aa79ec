package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
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
    private static final String REVOKE_SUBJECT = "update RefreshTokenEntity t set t.revoked = true"
            + " where t.subject = :subject and t.revoked = false";
    private static final String REVOKE_SUBJECT_OF_CLIENT = REVOKE_SUBJECT + " and t.clientId = :clientId";
    private static final String REVOKE_CLIENT = "update RefreshTokenEntity t set t.revoked = true"
            + " where t.clientId = :clientId and t.revoked = false";

    /**
     * RFC 9700 §4.14.2, DESIGN.md "Storage": single use by one conditional UPDATE, never
     * read-then-write. Of concurrent calls, across instances, the row changes for exactly one.
     */
    private static final String MARK_USED = "update RefreshTokenEntity t set t.usedAt = :now"
            + " where t.tokenHash = :tokenHash and t.usedAt is null and t.revoked = false and t.expiresAt > :now";

    /** A bounded DELETE, as {@link ExpiredRows}, but by the family's end: used tokens stay for reuse detection. */
    private static final String DELETE_EXPIRED = "DELETE FROM refresh_token WHERE token_hash IN (SELECT token_hash"
            + " FROM refresh_token WHERE family_expires_at < ?1 ORDER BY family_expires_at LIMIT ?2)";

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

    @Override
    public boolean markUsed(String tokenHash, Instant now) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(now, "now");
        Instant micros = now.truncatedTo(ChronoUnit.MICROS);
        return transactions.call(entityManager -> entityManager.createQuery(MARK_USED)
                .setParameter("tokenHash", tokenHash)
                .setParameter("now", micros)
                .executeUpdate()) == 1;
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

    @Override
    public int revokeSubject(Subject subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        return transactions.call(entityManager -> {
            Query update = entityManager.createQuery(clientId.isPresent() ? REVOKE_SUBJECT_OF_CLIENT : REVOKE_SUBJECT)
                    .setParameter("subject", subject.value());
            clientId.ifPresent(id -> update.setParameter("clientId", id.value()));
            return update.executeUpdate();
        });
    }

    @Override
    public Map<String, ClientId> liveGrants(Optional<Subject> subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        if (subject.isEmpty() && clientId.isEmpty()) {
            throw new IllegalArgumentException("a subject or a client is required");
        }
        String query = "select distinct t.grantId, t.clientId from RefreshTokenEntity t where t.revoked = false"
                + subject.map(s -> " and t.subject = :subject").orElse("")
                + clientId.map(c -> " and t.clientId = :clientId").orElse("");
        return transactions.call(entityManager -> {
            TypedQuery<Object[]> select = entityManager.createQuery(query, Object[].class);
            subject.ifPresent(value -> select.setParameter("subject", value.value()));
            clientId.ifPresent(value -> select.setParameter("clientId", value.value()));
            Map<String, ClientId> grants = new HashMap<>();
            for (Object[] row : select.getResultList()) {
                grants.put((String) row[0], new ClientId((String) row[1]));
            }
            return Map.copyOf(grants);
        });
    }

    @Override
    public int revokeClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return transactions.call(entityManager -> entityManager.createQuery(REVOKE_CLIENT)
                .setParameter("clientId", clientId.value())
                .executeUpdate());
    }

    /** Removes tokens whose family ended strictly before {@code before}, earliest first, used or revoked or not. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        Instant micros = before.truncatedTo(ChronoUnit.MICROS);
        return transactions.call(entityManager -> entityManager.createNativeQuery(DELETE_EXPIRED)
                .setParameter(1, micros)
                .setParameter(2, limit)
                .executeUpdate());
    }
}
