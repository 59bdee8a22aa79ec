package dev.portcullis.oauth.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract of {@link PersistenceUnit#unitOfWork()} (issue #6, "nothing half-written"): the
 * repository calls made inside a unit commit together, when the work returns or refuses with an
 * {@link OAuthException}, or not at all, when it fails otherwise or loses its connection between
 * two writes; nested units join; a unit passes the circuit once and takes no connection until a
 * repository needs one. Run against H2 and PostgreSQL by its subclasses, on a persistence unit of
 * its own over a data source that counts connection requests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaUnitOfWorkContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private SwitchableDataSource dataSource;
    private PersistenceUnit persistence;
    private UnitOfWork unitOfWork;
    private AuthorizationCodeRepository codes;
    private RefreshTokenRepository refreshTokens;

    /** The database of the subclass. */
    protected abstract TestDatabase database();

    /**
     * Ends every connection to the database but one opened through {@code admin} for the purpose,
     * as a database restart or a network cut does.
     */
    protected abstract void cutConnections(DataSource admin) throws SQLException;

    @BeforeAll
    void openUnit() {
        dataSource = new SwitchableDataSource(database().dataSource());
        persistence = PersistenceUnit.open(dataSource);
        unitOfWork = persistence.unitOfWork();
        codes = persistence.authorizationCodes();
        refreshTokens = persistence.refreshTokens();
    }

    @AfterAll
    void closeUnit() {
        if (persistence != null) {
            persistence.close();
        }
    }

    @BeforeEach
    void emptyTables() {
        database().emptyUnit();
    }

    @Test
    void inTransactionWhenWorkReturnsThenEveryWriteCommittedAndResultReturned() {
        codes.save(code("returns"));

        String result = unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("returns"), T0.plusSeconds(1));
            refreshTokens.save(refreshToken("returns"));
            codes.recordAccessToken(TokenHash.of("returns"), "jti-returns", T0.plusSeconds(300));
            return "issued";
        });

        assertEquals("issued", result);
        assertRedeemedWithAccessToken("returns", "jti-returns");
        assertTrue(refreshTokens.findByHash(TokenHash.of("rt-returns")).isPresent());
    }

    @Test
    void inTransactionWhenWorkFailsThenEveryWriteRolledBackAndFailureRethrown() {
        codes.save(code("fails"));
        IllegalStateException failure = new IllegalStateException("signing failed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("fails"), T0.plusSeconds(1));
            refreshTokens.save(refreshToken("fails"));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertUnspent("fails");
        assertEquals(Optional.empty(), refreshTokens.findByHash(TokenHash.of("rt-fails")));
    }

    @Test
    void inTransactionWhenWorkRefusesThenWritesCommittedAndRefusalRethrown() { // RFC 6749 §4.1.2: a spent code stays spent
        codes.save(code("refused"));
        OAuthException refusal = OAuthException.of(StandardErrorCode.INVALID_GRANT, "The redirect_uri does not match.");

        OAuthException thrown = assertThrows(OAuthException.class, () -> unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("refused"), T0.plusSeconds(1));
            throw refusal;
        }));

        assertSame(refusal, thrown);
        assertInstanceOf(Redemption.AlreadyRedeemed.class, codes.redeem(TokenHash.of("refused"), T0.plusSeconds(2)));
    }

    @Test
    void afterCommitWhenUnitCommitsThenActionRunsAfterTheWritesAreVisible() {
        List<Boolean> seenByAction = new ArrayList<>();

        unitOfWork.inTransaction(() -> {
            refreshTokens.save(refreshToken("announced"));
            unitOfWork.afterCommit(() -> seenByAction.add(outsideTheUnit(
                    () -> refreshTokens.findByHash(TokenHash.of("rt-announced")).isPresent())));
            assertEquals(List.of(), seenByAction, "not before the commit");
            return null;
        });

        assertEquals(List.of(true), seenByAction);
    }

    @Test
    void afterCommitWhenActionUsesARepositoryOnTheSameThreadThenItRunsOutsideTheEndedUnit() {
        List<Boolean> seenByAction = new ArrayList<>();

        unitOfWork.inTransaction(() -> {
            refreshTokens.save(refreshToken("read-after"));
            // As a change listener does when the notifier delivers on the publishing thread.
            unitOfWork.afterCommit(() -> seenByAction.add(
                    refreshTokens.findByHash(TokenHash.of("rt-read-after")).isPresent()));
            return null;
        });

        assertEquals(List.of(true), seenByAction);
    }

    @Test
    void afterCommitWhenUnitRollsBackThenActionNeverRuns() {
        List<String> ran = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(() -> {
            refreshTokens.save(refreshToken("rolled-back"));
            unitOfWork.afterCommit(() -> ran.add("token issued"));
            throw new IllegalStateException("signing failed");
        }));

        assertEquals(List.of(), ran);
    }

    @Test
    void afterCommitWhenUnitRefusesThenActionRunsAfterItsCommit() { // a refusal's writes commit
        List<String> ran = new ArrayList<>();

        assertThrows(OAuthException.class, () -> unitOfWork.inTransaction(() -> {
            unitOfWork.afterCommit(() -> ran.add("family revoked"));
            throw OAuthException.of(StandardErrorCode.INVALID_GRANT, "The refresh token is invalid or expired.");
        }));

        assertEquals(List.of("family revoked"), ran);
    }

    @Test
    void afterCommitWhenNoUnitThenActionRunsAtOnce() {
        List<String> ran = new ArrayList<>();

        unitOfWork.afterCommit(() -> ran.add("now"));

        assertEquals(List.of("now"), ran);
    }

    @Test
    void inTransactionWhenNotCommittedYetThenOtherTransactionsDoNotSeeTheWrites() throws Exception {
        codes.save(code("isolated"));

        Optional<RefreshToken> seenOutside = unitOfWork.inTransaction(() -> {
            refreshTokens.save(refreshToken("isolated"));
            return outsideTheUnit(() -> refreshTokens.findByHash(TokenHash.of("rt-isolated")));
        });

        assertEquals(Optional.empty(), seenOutside, "read committed: a unit's writes are seen once it commits");
        assertTrue(refreshTokens.findByHash(TokenHash.of("rt-isolated")).isPresent());
    }

    @Test
    void inTransactionWhenRowChangedByEarlierCallThenLaterCallReadsTheChange() { // each call reads afresh
        refreshTokens.save(refreshToken("reread"));
        String hash = TokenHash.of("rt-reread");

        Optional<Instant> usedAt = unitOfWork.inTransaction(() -> {
            refreshTokens.findByHash(hash);
            refreshTokens.use(hash, T0.plusSeconds(1));
            return refreshTokens.findByHash(hash).orElseThrow().usedAt();
        });

        assertEquals(Optional.of(T0.plusSeconds(1)), usedAt);
    }

    @Test
    void inTransactionWhenNestedAndOuterFailsThenInnerWritesRolledBackToo() {
        codes.save(code("nested"));

        assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("nested"), T0.plusSeconds(1));
            unitOfWork.inTransaction(() -> {
                refreshTokens.save(refreshToken("nested"));
                return null;
            });
            throw new IllegalStateException("outer fails after the nested unit returned");
        }));

        assertUnspent("nested");
        assertEquals(Optional.empty(), refreshTokens.findByHash(TokenHash.of("rt-nested")));
    }

    @Test
    void inTransactionWhenNestedFailureCaughtByOuterThenWholeUnitRolledBackAndFailureThrown() {
        codes.save(code("caught"));
        IllegalStateException failure = new IllegalStateException("nested unit failed");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("caught"), T0.plusSeconds(1));
            try {
                unitOfWork.inTransaction(() -> {
                    throw failure;
                });
            } catch (IllegalStateException swallowed) {
                // A caller that carries on cannot commit half of the unit.
            }
            return "carried on";
        }));

        assertSame(failure, thrown);
        assertUnspent("caught");
    }

    @Test
    void inTransactionWhenRepositoryFailureCaughtThenWholeUnitRolledBack() { // PostgreSQL aborts the transaction anyway
        codes.save(code("duplicate"));
        refreshTokens.save(refreshToken("duplicate"));

        assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("duplicate"), T0.plusSeconds(1));
            try {
                refreshTokens.save(refreshToken("duplicate"));
            } catch (IllegalStateException duplicateKey) {
                // Carrying on after a failed statement is what the unit must not allow.
            }
            return "carried on";
        }));

        assertUnspent("duplicate");
    }

    @Test
    void inTransactionWhenSuccessorExistsThenSaveIfAbsentKeepsTheUnitUsable() { // a rotation raced by a retry
        refreshTokens.save(refreshToken("successor"));
        refreshTokens.save(refreshToken("presented"));

        boolean stored = unitOfWork.inTransaction(() -> {
            refreshTokens.use(TokenHash.of("rt-presented"), T0.plusSeconds(1));
            return refreshTokens.saveIfAbsent(refreshToken("successor"));
        });

        assertEquals(false, stored);
        assertTrue(refreshTokens.findByHash(TokenHash.of("rt-presented")).orElseThrow().usedAt().isPresent(),
                "the write before the conflict committed");
    }

    @Test
    void holdsUsesUntilCommitWhenInUnitThenTrueAndOutsideFalse() { // the rotation's row lock lasts the unit
        boolean inside = unitOfWork.inTransaction(refreshTokens::holdsUsesUntilCommit);

        assertTrue(inside);
        assertFalse(refreshTokens.holdsUsesUntilCommit());
    }

    @Test
    void useWhenInUnitThenOtherTransactionsSeeTheTokenUnusedUntilTheCommit() { // RFC 9700 §4.14.2
        refreshTokens.save(refreshToken("held"));
        String hash = TokenHash.of("rt-held");

        Optional<Instant> seenOutside = unitOfWork.inTransaction(() -> {
            refreshTokens.use(hash, T0.plusSeconds(1)).orElseThrow();
            return outsideTheUnit(() -> refreshTokens.findByHash(hash)).orElseThrow().usedAt();
        });

        assertEquals(Optional.empty(), seenOutside);
        assertEquals(Optional.of(T0.plusSeconds(1)), refreshTokens.findByHash(hash).orElseThrow().usedAt());
    }

    @Test
    void releaseWhenUseHeldByTheUnitThenTokenUnusedAfterTheCommit() { // RFC 6749 §6: a refusal leaves it usable
        refreshTokens.save(refreshToken("released"));
        String hash = TokenHash.of("rt-released");
        Instant usedAt = T0.plusSeconds(1).plusNanos(1_500);

        assertThrows(OAuthException.class, () -> unitOfWork.inTransaction(() -> {
            refreshTokens.use(hash, usedAt).orElseThrow();
            refreshTokens.release(hash, usedAt);
            throw OAuthException.of(StandardErrorCode.INVALID_SCOPE, "The requested scope is invalid.");
        }));

        assertEquals(Optional.of(refreshToken("released")), refreshTokens.findByHash(hash));
        assertTrue(refreshTokens.use(hash, T0.plusSeconds(2)).isPresent());
    }

    @Test
    void releaseWhenNotUsedAtThatInstantThenIllegalStateExceptionAndUnitRolledBack() {
        refreshTokens.save(refreshToken("other-use"));
        String hash = TokenHash.of("rt-other-use");

        assertThrows(IllegalStateException.class, () -> unitOfWork.inTransaction(() -> {
            refreshTokens.use(hash, T0.plusSeconds(1)).orElseThrow();
            refreshTokens.release(hash, T0.plusSeconds(2));
            return null;
        }));

        assertEquals(Optional.of(refreshToken("other-use")), refreshTokens.findByHash(hash));
    }

    @Test
    void inTransactionWhenConnectionLostBetweenWritesThenServiceUnavailableAndNothingWritten() throws Exception {
        codes.save(code("cut"));

        assertThrows(ServiceUnavailableException.class, () -> unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("cut"), T0.plusSeconds(1));
            cutConnectionsQuietly();
            refreshTokens.save(refreshToken("cut"));
            return "never";
        }));

        assertUnspent("cut");
        assertEquals(Optional.empty(), refreshTokens.findByHash(TokenHash.of("rt-cut")));
    }

    @Test
    void inTransactionWhenNoRepositoryCalledThenNoConnectionTaken() {
        int before = dataSource.connectionRequests();

        String result = unitOfWork.inTransaction(() -> "nothing stored");

        assertEquals("nothing stored", result);
        assertEquals(before, dataSource.connectionRequests());
    }

    @Test
    void inTransactionWhenSeveralRepositoryCallsThenOneCallThroughTheCircuit() {
        codes.save(code("circuit"));
        persistence.circuit().circuitBreaker().reset();

        unitOfWork.inTransaction(() -> {
            codes.redeem(TokenHash.of("circuit"), T0.plusSeconds(1));
            refreshTokens.save(refreshToken("circuit"));
            codes.recordAccessToken(TokenHash.of("circuit"), "jti-circuit", T0.plusSeconds(300));
            return null;
        });

        assertEquals(1, successfulCircuitCalls());
    }

    @Test
    void inTransactionWhenCircuitOpenThenServiceUnavailableWithoutConnection() {
        dataSource.refuse();
        try {
            for (int i = 0; i < 100 && !"OPEN".equals(persistence.circuit().state()); i++) {
                assertThrows(ServiceUnavailableException.class, () -> unitOfWork.inTransaction(
                        () -> codes.redeem(TokenHash.of("circuit-open"), T0)));
            }
            assertEquals("OPEN", persistence.circuit().state());
            int asked = dataSource.connectionRequests();

            assertThrows(ServiceUnavailableException.class, () -> unitOfWork.inTransaction(
                    () -> codes.redeem(TokenHash.of("circuit-open"), T0)));

            assertEquals(asked, dataSource.connectionRequests(), "an open circuit refuses at once");
        } finally {
            dataSource.restore();
            persistence.circuit().circuitBreaker().reset();
        }
    }

    private long successfulCircuitCalls() {
        return persistence.circuit().circuitBreaker().getMetrics().getNumberOfSuccessfulCalls();
    }

    private void cutConnectionsQuietly() {
        try {
            cutConnections(database().dataSource());
        } catch (SQLException e) {
            throw new AssertionError("could not cut the connections", e);
        }
    }

    private static <T> T outsideTheUnit(java.util.function.Supplier<T> read) {
        try {
            return CompletableFuture.supplyAsync(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the read outside the unit failed", e);
        }
    }

    private void assertUnspent(String value) {
        assertInstanceOf(Redemption.Redeemed.class, codes.redeem(TokenHash.of(value), T0.plusSeconds(2)),
                "the code was not spent");
    }

    private void assertRedeemedWithAccessToken(String value, String accessTokenId) {
        Redemption again = codes.redeem(TokenHash.of(value), T0.plusSeconds(2));
        Redemption.AlreadyRedeemed replay = assertInstanceOf(Redemption.AlreadyRedeemed.class, again);
        assertEquals(Optional.of(accessTokenId), replay.accessTokenId());
    }

    private static AuthorizationCode code(String value) {
        return new AuthorizationCode(TokenHash.of(value), new ClientId("client-" + value),
                URI.create("https://client.example.com/cb"), ScopeSet.of("read"), new Subject("user-" + value),
                T0.minusSeconds(30), Optional.empty(), Optional.empty(), "grant-" + value, T0, T0.plusSeconds(60));
    }

    private static RefreshToken refreshToken(String value) {
        return new RefreshToken(TokenHash.of("rt-" + value), "grant-" + value, new ClientId("client-" + value),
                new Subject("user-" + value), ScopeSet.of("read"), T0.minusSeconds(30), T0, T0.plusSeconds(86_400),
                false);
    }
}
