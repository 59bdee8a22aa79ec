package dev.portcullis.oauth.adapters.persistence.assertion;

import dev.portcullis.oauth.adapters.persistence.database.ExpiredRows;
import dev.portcullis.oauth.adapters.persistence.database.Transactions;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;

/**
 * An {@link AssertionJtiRepository} in the {@code client_assertion_jti} table. A use is one
 * {@code INSERT ... ON CONFLICT DO NOTHING} and its row count: the primary key, never a prior
 * lookup, decides between concurrent uses, on every instance sharing the database, and a replay
 * costs no failed statement (nor a database error in the log). Database failures surface as
 * {@link dev.portcullis.oauth.domain.error.ServiceUnavailableException}. Thread-safe.
 */
public final class JpaAssertionJtiRepository implements AssertionJtiRepository {

    private static final String INSERT = "INSERT INTO client_assertion_jti (jti_key, client_id, jti, expires_at)"
            + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING";

    private final Transactions transactions;

    /** @param transactions the transactions of the persistence unit this repository belongs to */
    public JpaAssertionJtiRepository(Transactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public boolean use(ClientId client, String jti, Instant expiresAt) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(jti, "jti");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (jti.isEmpty() || jti.length() > MAX_JTI_LENGTH) {
            throw new IllegalArgumentException("jti must be 1 to " + MAX_JTI_LENGTH + " characters");
        }
        String key = key(client, jti);
        Instant stored = expiresAt.truncatedTo(ChronoUnit.MICROS);
        int inserted = transactions.call(entityManager -> entityManager.createNativeQuery(INSERT)
                .setParameter(1, key)
                .setParameter(2, client.value())
                .setParameter(3, jti)
                .setParameter(4, stored)
                .executeUpdate());
        return inserted == 1;
    }

    /** Removes entries whose expiry is strictly before {@code before}, earliest first. */
    @Override
    public int deleteExpired(Instant before, int limit) {
        Objects.requireNonNull(before, "before");
        ExpiredRows.requireLimit(limit);
        return transactions.call(entityManager ->
                ExpiredRows.delete(entityManager, "client_assertion_jti", "jti_key", before, limit));
    }

    // Client ids are printable ASCII, so a line feed separates the two unambiguously.
    private static String key(ClientId client, String jti) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((client.value() + "\n" + jti).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
