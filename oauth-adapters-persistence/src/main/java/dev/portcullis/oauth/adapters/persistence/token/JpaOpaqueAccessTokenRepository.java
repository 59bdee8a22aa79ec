package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link OpaqueAccessTokenRepository} in the {@code opaque_access_token} tables. Each method is
 * one transaction, or joins the unit of work in progress; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Times are stored to the
 * microsecond. Thread-safe, and safe across instances.
 */
public final class JpaOpaqueAccessTokenRepository implements OpaqueAccessTokenRepository {

    /** One conditional UPDATE: the row count tells whether this call revoked it. */
    private static final String REVOKE = "update OpaqueAccessTokenEntity t set t.revoked = true"
            + " where t.tokenHash = :tokenHash and t.revoked = false";

    /** RFC 7009 §2.1: every token of the grant at once; concurrent calls count each token once between them. */
    private static final String REVOKE_GRANT = "update OpaqueAccessTokenEntity t set t.revoked = true"
            + " where t.grantId = :grantId and t.revoked = false";
    private static final String REVOKE_MATCHING = "update OpaqueAccessTokenEntity t set t.revoked = true"
            + " where t.revoked = false";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaOpaqueAccessTokenRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void save(OpaqueAccessToken token) {
        Objects.requireNonNull(token, "token");
        transactions.insert(OpaqueAccessTokenEntityMapper.toEntity(token), "an access token with this hash");
    }

    @Override
    public Optional<OpaqueAccessToken> findByHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        // The token row and its audience rows are written together and never change but for the
        // revoked flag, so two statements without a transaction read a consistent token.
        return transactions.read(entityManager -> Optional
                .ofNullable(entityManager.find(OpaqueAccessTokenEntity.class, tokenHash))
                .map(OpaqueAccessTokenEntityMapper::toDomain));
    }

    @Override
    public boolean revoke(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return transactions.call(entityManager -> entityManager.createQuery(REVOKE)
                .setParameter("tokenHash", tokenHash)
                .executeUpdate()) == 1;
    }

    @Override
    public int revokeGrant(String grantId) {
        Objects.requireNonNull(grantId, "grantId");
        return transactions.call(entityManager -> entityManager.createQuery(REVOKE_GRANT)
                .setParameter("grantId", grantId)
                .executeUpdate());
    }

    @Override
    public int revokeMatching(Optional<String> subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        if (subject.isEmpty() && clientId.isEmpty()) {
            throw new IllegalArgumentException("a subject or a client is required");
        }
        String statement = REVOKE_MATCHING + subject.map(s -> " and t.subject = :subject").orElse("")
                + clientId.map(c -> " and t.clientId = :clientId").orElse("");
        return transactions.call(entityManager -> {
            Query update = entityManager.createQuery(statement);
            subject.ifPresent(value -> update.setParameter("subject", value));
            clientId.ifPresent(value -> update.setParameter("clientId", value.value()));
            return update.executeUpdate();
        });
    }

    /** Removes tokens whose expiry is strictly before {@code before}, earliest first; their audience rows cascade. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        return transactions.call(entityManager ->
                ExpiredRows.delete(entityManager, "opaque_access_token", "token_hash", before, limit));
    }
}
