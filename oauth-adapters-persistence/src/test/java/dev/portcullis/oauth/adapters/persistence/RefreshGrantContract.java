package dev.portcullis.oauth.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.IssueToken;
import dev.portcullis.oauth.application.grant.builtin.RefreshTokenGrantHandler;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.RefreshTokenSuccessors;
import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.application.token.UserGrant;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code refresh_token} grant on the database repositories and their unit of work (issue #7):
 * what one rotation sends to the database, and the refusals that follow the token's use in the
 * grant's unit, which must leave the token usable (RFC 6749 §6), beside reuse detection (RFC 9700
 * §4.14.2). Run against H2 and PostgreSQL by its subclasses, on a persistence unit of its own over
 * a data source that records every statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RefreshGrantContract {

    private static final Instant NOW = TestServers.NOW;
    private static final String CLIENT = "refreshing-client";
    private static final String OTHER = "other-client";
    private static final URI ORDERS = URI.create("https://api.example.com/orders");
    private static final URI INVOICES = URI.create("https://api.example.com/invoices");

    private final MutableClock clock = new MutableClock(NOW);
    private final SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final RefreshTokenSuccessors successors = new RefreshTokenSuccessors(
            MasterKey.generate(new SecureRandom()).derive(RefreshTokenSuccessors.KEY_PURPOSE));
    private CountingDataSource dataSource;
    private PersistenceUnit persistence;
    private JwtAccessTokens tokens;
    private IssueToken issueToken;
    private Client client;

    /** The database of the subclass. */
    protected abstract TestDatabase database();

    @BeforeAll
    void buildTokenEndpoint() {
        dataSource = new CountingDataSource(database().dataSource());
        persistence = PersistenceUnit.open(dataSource);
        client = TestClients.confidential(CLIENT).secret(hasher.hash(TestServers.SECRET)).build();
        clients.save(client);
        clients.save(TestClients.confidential(OTHER).secret(hasher.hash(TestServers.SECRET)).build());
        tokens = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER),
                (algorithm, type, claims) -> type + "-" + claims.get("jti"),
                new SecureRandomTokenValueGenerator(new SecureRandom()), event -> { }, clock, persistence.refreshTokens())
                .withResources(new ResourceIndicators(persistence.resources(), TestServers.ISSUER.toString(), clock));
        GrantRevocation revocation = new GrantRevocation(Optional.of(persistence.refreshTokens()),
                Optional.of(persistence.opaqueAccessTokens()), Optional.of(persistence.revokedAccessTokens()), clock,
                persistence.unitOfWork());
        issueToken = new IssueToken(new ClientAuthenticator(clients, hasher,
                new SecretVerificationCache(new SecureRandom(), 100)),
                new GrantHandlerRegistry(List.of(new RefreshTokenGrantHandler(persistence.refreshTokens(), successors,
                        clock, RefreshTokenGrantHandler.DEFAULT_GRACE_PERIOD, revocation))),
                tokens, new ScopePolicy(), persistence.unitOfWork());
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
        persistence.resources().save(new ResourceServer(ORDERS, ScopeSet.of("read"), Set.of()));
        persistence.resources().save(new ResourceServer(INVOICES, ScopeSet.of("read"), Set.of()));
    }

    @Test
    void issueWhenRotatedThenOneUpdateOneInsertAndOneCommit() { // issue #7: what a refresh costs the database
        String presented = seed(Optional.empty());
        refresh(presented);
        String rotated = successors.of(presented).value();
        dataSource.clear();

        TokenResponse response = refresh(rotated);

        List<String> sent = dataSource.sent();
        assertEquals(3, sent.size(), "the use, the successor and the commit: " + sent);
        assertTrue(sent.get(0).startsWith("UPDATE refresh_token SET used_at = ?"), sent.get(0));
        assertTrue(sent.get(1).startsWith("INSERT INTO refresh_token"), sent.get(1));
        assertEquals("COMMIT", sent.get(2));
        assertEquals(successors.of(rotated).value(), response.refreshToken().orElseThrow().value());
    }

    @Test
    void issueWhenRotatedThenPresentedUsedAndSuccessorOfTheFamilyStored() { // RFC 9700 §4.14.2
        String presented = seed(Optional.of(ORDERS));

        TokenResponse response = refresh(presented);

        RefreshToken used = stored(presented);
        RefreshToken successor = stored(response.refreshToken().orElseThrow().value());
        assertEquals(Optional.of(NOW), used.usedAt());
        assertEquals(used.grantId(), successor.grantId());
        assertEquals(used.familyExpiresAt(), successor.familyExpiresAt());
        assertEquals(Optional.of(ORDERS), successor.resource());
        assertEquals(Optional.empty(), successor.usedAt());
    }

    @Test
    void issueWhenScopeWidenedThenInvalidScopeAndTokenStillUsable() { // RFC 6749 §6
        String presented = seed(Optional.empty());

        OAuthException refused = assertThrows(OAuthException.class, () -> issueToken.issue(TestServers.basic(CLIENT,
                "grant_type", "refresh_token", "refresh_token", presented, "scope", "read write")));

        assertEquals(StandardErrorCode.INVALID_SCOPE, refused.error().code());
        assertEquals(Optional.empty(), stored(presented).usedAt(), "the use was taken back");
        assertEquals(successors.of(presented).value(), refresh(presented).refreshToken().orElseThrow().value());
    }

    @Test
    void issueWhenResourceOutsideTheGrantThenInvalidTargetAndTokenStillUsable() { // RFC 8707 §2.2
        String presented = seed(Optional.of(ORDERS));

        OAuthException refused = assertThrows(OAuthException.class, () -> issueToken.issue(TestServers.basic(CLIENT,
                "grant_type", "refresh_token", "refresh_token", presented, "resource", INVOICES.toString())));

        assertEquals(StandardErrorCode.INVALID_TARGET, refused.error().code());
        assertEquals(Optional.empty(), stored(presented).usedAt(), "the use was taken back");
        assertTrue(refresh(presented).refreshToken().isPresent());
    }

    @Test
    void issueWhenTokenOfAnotherClientThenInvalidGrantAndTokenStillUsable() { // RFC 6749 §6, §10.4
        String presented = seed(Optional.empty());

        OAuthException refused = assertThrows(OAuthException.class, () -> issueToken.issue(TestServers.basic(OTHER,
                "grant_type", "refresh_token", "refresh_token", presented)));

        assertEquals(StandardErrorCode.INVALID_GRANT, refused.error().code());
        assertEquals(Optional.empty(), stored(presented).usedAt());
        assertTrue(refresh(presented).refreshToken().isPresent());
    }

    @Test
    void issueWhenPresentedAgainWithinGracePeriodThenSameSuccessor() { // RFC 9700 §4.14.2: a retry
        String presented = seed(Optional.empty());
        String first = refresh(presented).refreshToken().orElseThrow().value();
        clock.advance(Duration.ofSeconds(5));

        String again = refresh(presented).refreshToken().orElseThrow().value();

        assertEquals(first, again);
        assertEquals(Optional.empty(), stored(first).usedAt());
    }

    @Test
    void issueWhenReusedAfterGracePeriodThenInvalidGrantAndFamilyRevoked() { // RFC 9700 §4.14.2
        String presented = seed(Optional.empty());
        String successor = refresh(presented).refreshToken().orElseThrow().value();
        clock.advance(RefreshTokenGrantHandler.DEFAULT_GRACE_PERIOD);

        OAuthException refused = assertThrows(OAuthException.class, () -> refresh(presented));

        assertEquals(StandardErrorCode.INVALID_GRANT, refused.error().code());
        assertTrue(stored(presented).revoked());
        assertTrue(stored(successor).revoked(), "the newest token of the family too");
    }

    @Test
    void issueWhenRevokedThenInvalidGrant() {
        String presented = seed(Optional.empty());
        persistence.refreshTokens().revokeGrant(stored(presented).grantId());

        OAuthException refused = assertThrows(OAuthException.class, () -> refresh(presented));

        assertEquals(StandardErrorCode.INVALID_GRANT, refused.error().code());
        assertEquals(Optional.empty(), stored(presented).usedAt());
    }

    @Test
    void issueWhenUnknownThenInvalidGrantAfterOneUpdateAndOneRead() {
        dataSource.clear();

        OAuthException refused = assertThrows(OAuthException.class, () -> refresh("never-issued"));

        assertEquals(StandardErrorCode.INVALID_GRANT, refused.error().code());
        assertEquals(3, dataSource.sent().size(), "the use, the read that tells why, the commit: " + dataSource.sent());
    }

    private String seed(Optional<URI> resource) {
        return tokens.issuerFor(client).forUser(new UserGrant(new Subject("user-1"), new ClientId(CLIENT),
                ScopeSet.of("read"), NOW.minusSeconds(30), "grant-" + System.nanoTime(), GrantType.AUTHORIZATION_CODE,
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(), resource)).response().refreshToken()
                .orElseThrow().value();
    }

    private TokenResponse refresh(String refreshToken) {
        return issueToken.issue(TestServers.basic(CLIENT, "grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private RefreshToken stored(String value) {
        return persistence.refreshTokens().findByHash(TokenHash.of(value)).orElseThrow();
    }
}
