package dev.portcullis.oauth.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.contract.Race;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.IssueToken;
import dev.portcullis.oauth.application.grant.builtin.AuthorizationCodeGrantHandler;
import dev.portcullis.oauth.application.grant.builtin.RefreshTokenGrantHandler;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.RefreshTokenSuccessors;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.application.token.UserGrant;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Single use under concurrency with one transaction per grant (issue #6): the token endpoint's
 * grants on the database repositories and their unit of work, raced by 16 threads. A refresh token
 * presented by all of them is rotated once and every request gets the same successor; a code is
 * redeemed once and the replays revoke what it produced; a family revoked while a rotation is in
 * flight does not live on through the successor. Run against H2 and PostgreSQL by its subclasses.
 */
abstract class GrantRaceContract {

    private static final Instant NOW = TestServers.NOW;
    private static final String CLIENT = "racing-client";
    private static final String GRANT_ID = "grant-race";
    private static final ScopeSet SCOPE = ScopeSet.of("read");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final RefreshTokenSuccessors successors = new RefreshTokenSuccessors(
            MasterKey.generate(new SecureRandom()).derive(RefreshTokenSuccessors.KEY_PURPOSE));
    /** Claims of every access token minted, by token value: the stub signer's "JWT" is an index. */
    private final Map<String, Map<String, Object>> signed = new ConcurrentHashMap<>();
    /** Runs as each access token is signed: within its grant's unit, after the refresh token's use. */
    private volatile Runnable beforeSigning = () -> { };
    private PersistenceUnit persistence;
    private JwtAccessTokens tokens;
    private IssueToken issueToken;
    private Client client;

    /** The database of the subclass. */
    protected abstract TestDatabase database();

    /** Whether a session of the database waits for a row lock another holds, right now. */
    protected abstract boolean someoneWaitsForALock(Connection connection) throws SQLException;

    @BeforeEach
    void buildTokenEndpoint() {
        persistence = database().emptyUnit();
        client = TestClients.confidential(CLIENT).secret(hasher.hash(TestServers.SECRET)).build();
        clients.save(client);
        tokens = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), (algorithm, type, claims) -> {
            beforeSigning.run();
            String value = type + "-" + claims.get("jti");
            signed.put(value, Map.copyOf(claims));
            return value;
        }, new SecureRandomTokenValueGenerator(new SecureRandom()), event -> { }, clock, persistence.refreshTokens());
        GrantRevocation revocation = new GrantRevocation(Optional.of(persistence.refreshTokens()),
                Optional.of(persistence.opaqueAccessTokens()), Optional.of(persistence.revokedAccessTokens()), clock,
                persistence.unitOfWork());
        issueToken = new IssueToken(new ClientAuthenticator(clients, hasher, new SecretVerificationCache(new SecureRandom(), 100)),
                new GrantHandlerRegistry(List.of(
                        new RefreshTokenGrantHandler(persistence.refreshTokens(), successors, clock,
                                RefreshTokenGrantHandler.DEFAULT_GRACE_PERIOD, revocation),
                        new AuthorizationCodeGrantHandler(persistence.authorizationCodes(), persistence.refreshTokens(),
                                persistence.revokedAccessTokens(), clock, revocation))),
                tokens, new ScopePolicy(), persistence.unitOfWork());
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void issueWhenSixteenConcurrentRefreshesThenAllGetTheOneSuccessor() { // RFC 9700 §4.14.2, DESIGN.md "Storage"
        String presented = seedRefreshToken();

        List<TokenResponse> responses = Race.run(16, i -> issueToken.issue(TestServers.basic(CLIENT,
                "grant_type", "refresh_token", "refresh_token", presented)));

        assertEquals(Set.of(successors.of(presented).value()), responses.stream()
                .map(response -> response.refreshToken().orElseThrow().value()).collect(Collectors.toSet()),
                "every request within the grace period gets the family's one live token");
        assertEquals(2, rowsOfTheFamily(), "the presented token and its successor");
        assertTrue(persistence.refreshTokens().findByHash(TokenHash.of(presented)).orElseThrow().usedAt().isPresent());
        assertTrue(issueToken.issue(TestServers.basic(CLIENT, "grant_type", "refresh_token", "refresh_token",
                successors.of(presented).value())).refreshToken().isPresent(), "the successor is live");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void issueWhenSixteenConcurrentRedemptionsOfOneCodeThenOneWinsAndTheReplaysRevokeItsTokens() { // RFC 6749 §4.1.2
        String code = "racing-code-" + "x".repeat(32);
        persistence.authorizationCodes().save(new AuthorizationCode(TokenHash.of(code), client.id(),
                TestClients.REDIRECT_URI, SCOPE, new Subject("user-1"), NOW.minusSeconds(30), Optional.empty(),
                Optional.empty(), GRANT_ID, NOW, NOW.plusSeconds(60)));

        List<Optional<TokenResponse>> outcomes = Race.run(16, i -> {
            try {
                return Optional.of(issueToken.issue(TestServers.basic(CLIENT, "grant_type", "authorization_code",
                        "code", code, "redirect_uri", TestClients.REDIRECT_URI.toString())));
            } catch (OAuthException refused) {
                assertEquals(StandardErrorCode.INVALID_GRANT, refused.error().code());
                return Optional.empty();
            }
        });

        List<TokenResponse> won = outcomes.stream().flatMap(Optional::stream).toList();
        assertEquals(1, won.size());
        TokenResponse winner = won.get(0);
        String refreshHash = TokenHash.of(winner.refreshToken().orElseThrow().value());
        assertTrue(persistence.refreshTokens().findByHash(refreshHash).orElseThrow().revoked(),
                "each replay waited for the redemption to commit, then revoked its refresh token");
        String jti = (String) signed.get(winner.accessToken().value()).get("jti");
        assertTrue(persistence.revokedAccessTokens().isRevoked(jti), "and deny-listed its access token");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void revokeGrantWhenRotationInFlightThenTheSuccessorIsRevokedToo() throws Exception { // RFC 9700 §4.14.2
        String presented = seedRefreshToken();
        RefreshToken successor = rotated(persistence.refreshTokens().findByHash(TokenHash.of(presented)).orElseThrow(),
                successors.of(presented).value());
        CountDownLatch rotationWritten = new CountDownLatch(1);
        CountDownLatch revocationWaiting = new CountDownLatch(1);
        CompletableFuture<Boolean> rotation = CompletableFuture.supplyAsync(() ->
                persistence.unitOfWork().inTransaction(() -> {
                    boolean marked = persistence.refreshTokens().use(TokenHash.of(presented), NOW)
                            .isPresent();
                    persistence.refreshTokens().saveIfAbsent(successor);
                    rotationWritten.countDown();
                    awaitQuietly(revocationWaiting);
                    return marked;
                }));
        assertTrue(rotationWritten.await(1, TimeUnit.MINUTES), "the rotation wrote");

        CompletableFuture<Integer> revocation = CompletableFuture.supplyAsync(
                () -> persistence.refreshTokens().revokeGrant(GRANT_ID));
        awaitSomeoneWaitingForALock();
        revocationWaiting.countDown();

        assertTrue(rotation.get(1, TimeUnit.MINUTES));
        assertEquals(2, revocation.get(1, TimeUnit.MINUTES));
        assertTrue(persistence.refreshTokens().findByHash(successor.tokenHash()).orElseThrow().revoked(),
                "the successor committed while the revocation waited must not keep the family alive");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void issueWhenFamilyRevokedWhileARefreshHoldsItsTokenThenTheSuccessorIsRevokedToo() throws Exception { // RFC 9700 §4.14.2
        String presented = seedRefreshToken();
        CountDownLatch tokenUsed = new CountDownLatch(1);
        CountDownLatch revocationWaiting = new CountDownLatch(1);
        beforeSigning = () -> {
            tokenUsed.countDown();
            awaitQuietly(revocationWaiting);
        };
        CompletableFuture<TokenResponse> refresh = CompletableFuture.supplyAsync(() -> issueToken.issue(
                TestServers.basic(CLIENT, "grant_type", "refresh_token", "refresh_token", presented)));
        assertTrue(tokenUsed.await(1, TimeUnit.MINUTES), "the refresh used the token");

        CompletableFuture<Integer> revocation = CompletableFuture.supplyAsync(
                () -> persistence.refreshTokens().revokeGrant(GRANT_ID));
        awaitSomeoneWaitingForALock();
        revocationWaiting.countDown();

        String successor = refresh.get(1, TimeUnit.MINUTES).refreshToken().orElseThrow().value();
        assertEquals(2, revocation.get(1, TimeUnit.MINUTES), "the used token and the successor it waited for");
        assertTrue(persistence.refreshTokens().findByHash(TokenHash.of(successor)).orElseThrow().revoked());
        beforeSigning = () -> { };
        OAuthException refused = assertThrows(OAuthException.class, () -> issueToken.issue(TestServers.basic(CLIENT,
                "grant_type", "refresh_token", "refresh_token", successor)));
        assertEquals(StandardErrorCode.INVALID_GRANT, refused.error().code());
    }

    private String seedRefreshToken() {
        return tokens.issuerFor(client).forUser(new UserGrant(new Subject("user-1"), client.id(), SCOPE,
                NOW.minusSeconds(30), GRANT_ID, GrantType.AUTHORIZATION_CODE)).response().refreshToken().orElseThrow()
                .value();
    }

    private static RefreshToken rotated(RefreshToken presented, String successorValue) {
        return new RefreshToken(TokenHash.of(successorValue), presented.grantId(), presented.clientId(),
                presented.subject(), presented.scope(), presented.authTime(), NOW, NOW.plus(Duration.ofDays(1)),
                presented.familyExpiresAt(), Optional.empty(), false);
    }

    private long rowsOfTheFamily() {
        try (Connection connection = database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM refresh_token WHERE grant_id = '"
                     + GRANT_ID + "'")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** Asks the database, a bounded number of times, until a session waits for a row lock. */
    private void awaitSomeoneWaitingForALock() throws SQLException {
        try (Connection connection = database().dataSource().getConnection()) {
            for (int attempt = 0; attempt < 100_000; attempt++) {
                if (someoneWaitsForALock(connection)) {
                    return;
                }
            }
        }
        throw new AssertionError("the revocation never waited for the rotation's row lock");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new AssertionError("the revocation never started");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
