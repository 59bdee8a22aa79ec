package dev.portcullis.oauth.adapters.persistence.token;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.user.Subject;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link RefreshTokenRepository} in the {@code refresh_token} table. Each method is one
 * transaction, or joins the unit of work in progress; database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Times are stored to the
 * microsecond. A rotation's statements, {@link #use} and {@link #saveIfAbsent}, are plain JDBC
 * ({@link Transactions#execute}): Hibernate translated the JPQL update anew on every call, which
 * cost more than the database's work (issue #7). Thread-safe, and safe across instances.
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
     * The same revocations again, for the rows that appeared meanwhile (see {@link #revokeAll}),
     * skipping rows that another transaction holds locked instead of waiting for them. The outer
     * {@code revoked = false} is checked again on the row's latest version, so that a row revoked
     * concurrently is not counted twice.
     */
    private static final String AGAIN = "UPDATE refresh_token SET revoked = true WHERE revoked = false AND token_hash IN"
            + " (SELECT token_hash FROM refresh_token WHERE revoked = false AND ";
    private static final String SKIP_LOCKED = " FOR UPDATE SKIP LOCKED)";
    private static final String REVOKE_GRANT_AGAIN = AGAIN + "grant_id = ?1" + SKIP_LOCKED;
    private static final String REVOKE_SUBJECT_AGAIN = AGAIN + "subject = ?1" + SKIP_LOCKED;
    private static final String REVOKE_SUBJECT_OF_CLIENT_AGAIN = AGAIN + "subject = ?1 AND client_id = ?2" + SKIP_LOCKED;
    private static final String REVOKE_CLIENT_AGAIN = AGAIN + "client_id = ?1" + SKIP_LOCKED;

    /**
     * RFC 9700 §4.14.2, DESIGN.md "Storage": single use by one conditional UPDATE, never
     * read-then-write. Of concurrent calls, across instances, the row changes for exactly one, which
     * gets the row back from the same statement (RETURNING on PostgreSQL): no SELECT before it. Only
     * the primary key is compared for equality, so that no plan can prefer another index: with a
     * client_id condition, PostgreSQL without statistics (a new table) scanned the client's rows
     * through ix_refresh_token_client_id.
     */
    private static final String USE = "UPDATE refresh_token SET used_at = ? WHERE token_hash = ?"
            + " AND used_at IS NULL AND revoked = false AND expires_at > ?";
    private static final String[] USE_RETURNS = RefreshTokenEntityMapper.COLUMNS.toArray(String[]::new);

    /** Takes back a use of the unit of work in progress; the row is still locked by it. */
    private static final String RELEASE = "UPDATE refresh_token SET used_at = NULL WHERE token_hash = ? AND used_at = ?";

    /**
     * A successor stored once: a conflicting row is left alone and no error is raised, so the
     * transaction of a unit of work stays usable (PostgreSQL aborts a transaction at its first
     * failed statement). PostgreSQL waits for a concurrent uncommitted insert of the hash to end;
     * H2 (in PostgreSQL mode) within its lock timeout.
     */
    private static final String INSERT_IF_ABSENT = "INSERT INTO refresh_token ("
            + String.join(", ", RefreshTokenEntityMapper.COLUMNS) + ") VALUES ("
            + String.join(", ", Collections.nCopies(RefreshTokenEntityMapper.COLUMNS.size(), "?"))
            + ") ON CONFLICT DO NOTHING";

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
    public boolean saveIfAbsent(RefreshToken token) {
        Objects.requireNonNull(token, "token");
        return transactions.execute(INSERT_IF_ABSENT, statement -> {
            RefreshTokenEntityMapper.bind(token, statement);
            return statement.executeUpdate() == 1;
        });
    }

    @Override
    public Optional<RefreshToken> findByHash(String tokenHash) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        return transactions.call(entityManager -> Optional
                .ofNullable(entityManager.find(RefreshTokenEntity.class, tokenHash))
                .map(RefreshTokenEntityMapper::toDomain));
    }

    @Override
    public Optional<RefreshToken> use(String tokenHash, Instant now) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(now, "now");
        OffsetDateTime micros = RefreshTokenEntityMapper.time(now.truncatedTo(ChronoUnit.MICROS));
        return transactions.execute(USE, USE_RETURNS, statement -> {
            statement.setObject(1, micros);
            statement.setString(2, tokenHash);
            statement.setObject(3, micros);
            statement.executeUpdate();
            try (ResultSet used = statement.getGeneratedKeys()) {
                return used.next() ? Optional.of(RefreshTokenEntityMapper.fromRow(used)) : Optional.empty();
            }
        });
    }

    /**
     * In a unit of work: the UPDATE of {@link #use} keeps the row locked until the unit's transaction
     * ends (PostgreSQL and H2 at READ COMMITTED), and nothing commits before.
     */
    @Override
    public boolean holdsUsesUntilCommit() {
        return transactions.inUnit();
    }

    @Override
    public void release(String tokenHash, Instant usedAt) {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(usedAt, "usedAt");
        if (!transactions.inUnit()) {
            throw new IllegalStateException("a use outside a unit of work counts at once; there is none to release");
        }
        OffsetDateTime micros = RefreshTokenEntityMapper.time(usedAt.truncatedTo(ChronoUnit.MICROS));
        int released = transactions.execute(RELEASE, statement -> {
            statement.setString(1, tokenHash);
            statement.setObject(2, micros);
            return statement.executeUpdate();
        });
        if (released != 1) {
            throw new IllegalStateException("the refresh token was not used at the given instant");
        }
    }

    /**
     * Revokes every token of the grant, expired or not; returns how many were not revoked before
     * (the port has no clock, so "active" means "not revoked" here). See {@link #revokeAll} for
     * why it takes more than one UPDATE.
     */
    @Override
    public int revokeGrant(String grantId) {
        Objects.requireNonNull(grantId, "grantId");
        return transactions.call(entityManager -> revokeAll(
                entityManager.createQuery(REVOKE_GRANT).setParameter("grantId", grantId),
                () -> entityManager.createNativeQuery(REVOKE_GRANT_AGAIN).setParameter(1, grantId)));
    }

    @Override
    public int revokeSubject(Subject subject, Optional<ClientId> clientId) {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        return transactions.call(entityManager -> {
            Query update = entityManager.createQuery(clientId.isPresent() ? REVOKE_SUBJECT_OF_CLIENT : REVOKE_SUBJECT)
                    .setParameter("subject", subject.value());
            clientId.ifPresent(id -> update.setParameter("clientId", id.value()));
            return revokeAll(update, () -> {
                Query again = entityManager.createNativeQuery(
                        clientId.isPresent() ? REVOKE_SUBJECT_OF_CLIENT_AGAIN : REVOKE_SUBJECT_AGAIN)
                        .setParameter(1, subject.value());
                clientId.ifPresent(id -> again.setParameter(2, id.value()));
                return again;
            });
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
        return transactions.call(entityManager -> revokeAll(
                entityManager.createQuery(REVOKE_CLIENT).setParameter("clientId", clientId.value()),
                () -> entityManager.createNativeQuery(REVOKE_CLIENT_AGAIN).setParameter(1, clientId.value())));
    }

    /**
     * Runs a revoking UPDATE, then {@code again} until it changes no row; returns how many rows
     * changed in all. A rotation is one transaction that marks a token used and inserts its
     * successor. The first UPDATE, meeting the token while a rotation is in flight, waits for the
     * rotation's commit and revokes the token, but cannot see the successor, inserted after it took
     * its snapshot (PostgreSQL and H2 at READ COMMITTED): the family would live on through it. The
     * next statement sees the committed successor. Those later statements skip rows another
     * transaction holds locked rather than wait: such a row is being revoked by a concurrent
     * revocation (which waits for this one's rows, so waiting for it would deadlock) or rotated by
     * a request that began after this revocation did.
     */
    private static int revokeAll(Query first, Supplier<Query> again) {
        int total = first.executeUpdate();
        for (int changed = again.get().executeUpdate(); changed > 0; changed = again.get().executeUpdate()) {
            total += changed;
        }
        return total;
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
