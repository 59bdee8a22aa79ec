package dev.portcullis.oauth.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.TokenSigner;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class JwtAccessTokensForUserTest {

    private static final Instant NOW = TestServers.NOW;
    private static final Instant AUTH_TIME = NOW.minusSeconds(90);
    private static final Client REFRESHING = TestClients.confidential().build();
    private static final Client NOT_REFRESHING =
            TestClients.confidential("code-only").grantTypes(GrantType.AUTHORIZATION_CODE).build();

    /** Claims of every token signed, by token value: the stub signer's "JWT" is an index. */
    private final Map<String, Map<String, Object>> signed = new ConcurrentHashMap<>();
    private final TokenSigner signer = (algorithm, type, claims) -> {
        String value = "jwt-" + claims.get("jti");
        signed.put(value, Map.copyOf(claims));
        return value;
    };
    private final List<OAuthEvent> events = new CopyOnWriteArrayList<>();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final JwtAccessTokens tokens = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), signer,
            new SecureRandomTokenValueGenerator(new SecureRandom()), events::add, TestServers.CLOCK, refreshTokens);

    @Test
    void forUserWhenIssuedThenSubIsTheUserAndAuthTimeIsSet() { // RFC 9068 §2.2, §2.2.1
        IssuedTokens issued = tokens.issuerFor(REFRESHING).forUser(grant(REFRESHING, ScopeSet.of("openid", "read")));

        assertEquals(Map.of(
                "iss", "https://as.example.com",
                "sub", "user-1",
                "aud", "https://as.example.com",
                "client_id", "confidential-client",
                "iat", NOW.getEpochSecond(),
                "exp", NOW.getEpochSecond() + 300,
                "jti", issued.accessTokenId(),
                "scope", "openid read",
                "auth_time", AUTH_TIME.getEpochSecond(),
                "grant_id", "grant-1"), signed.get(issued.response().accessToken().value()));
    }

    @Test
    void forUserWhenIssuedThenJtiAndExpiryReportedBesideTheResponse() { // RFC 6749 §4.1.2: kept for revocation
        IssuedTokens issued = tokens.issuerFor(REFRESHING).forUser(grant(REFRESHING, ScopeSet.of("read")));

        Map<String, Object> claims = signed.get(issued.response().accessToken().value());
        assertEquals(claims.get("jti"), issued.accessTokenId());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), issued.accessTokenExpiresAt());
        assertEquals(Duration.ofMinutes(5), issued.response().expiresIn());
    }

    @Test
    void forUserWhenClientMayRefreshThenRefreshTokenStoredOnlyAsItsHash() { // DESIGN.md "Storage"
        IssuedTokens issued = tokens.issuerFor(REFRESHING).forUser(grant(REFRESHING, ScopeSet.of("read")));

        String value = issued.response().refreshToken().orElseThrow().value();
        assertNotEquals(value, TokenHash.of(value));
        assertEquals(Optional.empty(), refreshTokens.findByHash(value));
        assertEquals(Optional.of(new RefreshToken(TokenHash.of(value), "grant-1", REFRESHING.id(), new Subject("user-1"),
                ScopeSet.of("read"), AUTH_TIME, NOW, NOW.plus(Duration.ofDays(30)), false)),
                refreshTokens.findByHash(TokenHash.of(value)));
    }

    @Test
    void forUserWhenRefreshTokenIssuedThenItHas256Bits() { // RFC 6749 §10.10: unguessable
        IssuedTokens issued = tokens.issuerFor(REFRESHING).forUser(grant(REFRESHING, ScopeSet.of("read")));

        assertEquals(43, issued.response().refreshToken().orElseThrow().value().length());
    }

    @Test
    void forUserWhenClientHasOwnRefreshLifetimeThenStoredExpiryUsesIt() { // RFC 6749 §6
        Client client = TestClients.confidential("week").lifetimes(
                new TokenLifetimes(Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofSeconds(60))).build();

        IssuedTokens issued = tokens.issuerFor(client).forUser(grant(client, ScopeSet.of("read")));

        String hash = TokenHash.of(issued.response().refreshToken().orElseThrow().value());
        assertEquals(NOW.plus(Duration.ofDays(7)), refreshTokens.findByHash(hash).orElseThrow().expiresAt());
    }

    @Test
    void forUserWhenClientMayNotRefreshThenNoRefreshToken() { // RFC 6749 §1.5
        IssuedTokens issued = tokens.issuerFor(NOT_REFRESHING).forUser(grant(NOT_REFRESHING, ScopeSet.of("read")));

        assertEquals(Optional.empty(), issued.response().refreshToken());
    }

    @Test
    void forUserWhenClientMayNotRefreshThenNoRepositoryNeeded() {
        JwtAccessTokens withoutRefresh = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), signer,
                new SecureRandomTokenValueGenerator(new SecureRandom()), events::add, TestServers.CLOCK);

        IssuedTokens issued = withoutRefresh.issuerFor(NOT_REFRESHING).forUser(grant(NOT_REFRESHING, ScopeSet.EMPTY));

        assertFalse(signed.get(issued.response().accessToken().value()).containsKey("scope"));
    }

    @Test
    void forUserWhenClientMayRefreshButNoRepositoryThenIllegalState() {
        JwtAccessTokens withoutRefresh = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), signer,
                new SecureRandomTokenValueGenerator(new SecureRandom()), events::add, TestServers.CLOCK);
        TokenIssuer issuer = withoutRefresh.issuerFor(REFRESHING);
        UserGrant grant = grant(REFRESHING, ScopeSet.of("read"));

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> issuer.forUser(grant));

        assertEquals("client confidential-client may use refresh_token but no refresh token repository is configured",
                thrown.getMessage());
    }

    @Test
    void forUserWhenGrantNamesOtherClientThenIllegalArgument() {
        TokenIssuer issuer = tokens.issuerFor(REFRESHING);
        UserGrant other = grant(NOT_REFRESHING, ScopeSet.of("read"));

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> issuer.forUser(other));

        assertEquals("a handler may mint only for the authenticated client", thrown.getMessage());
    }

    @Test
    void forUserWhenIssuedThenTokenIssuedEventForTheUser() {
        IssuedTokens issued = tokens.issuerFor(REFRESHING).forUser(grant(REFRESHING, ScopeSet.of("read")));

        assertEquals(List.of(new TokenIssued(NOW, REFRESHING.id(), "user-1", GrantType.AUTHORIZATION_CODE,
                ScopeSet.of("read"), issued.accessTokenId())), events);
    }

    @Test
    void accessTokenOnlyWhenRefreshRepositoryConfiguredThenNothingStored() { // RFC 6749 §4.4.3
        JwtAccessTokens guarded = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), signer,
                new SecureRandomTokenValueGenerator(new SecureRandom()), events::add, TestServers.CLOCK,
                new UntouchableRefreshTokens());

        TokenResponse response = guarded.issuerFor(REFRESHING)
                .accessTokenOnly(AccessGrant.forClient(REFRESHING.id(), ScopeSet.of("read")));

        assertEquals(Optional.empty(), response.refreshToken());
        assertFalse(signed.get(response.accessToken().value()).containsKey("auth_time"));
    }

    private static UserGrant grant(Client client, ScopeSet scope) {
        return new UserGrant(new Subject("user-1"), client.id(), scope, AUTH_TIME, "grant-1",
                GrantType.AUTHORIZATION_CODE);
    }

    /** Fails the test on any use: client_credentials must not write to the database. */
    private static final class UntouchableRefreshTokens implements RefreshTokenRepository {
        @Override
        public void save(RefreshToken token) {
            throw new AssertionError("save called");
        }

        @Override
        public boolean saveIfAbsent(RefreshToken token) {
            throw new AssertionError("saveIfAbsent called");
        }

        @Override
        public Optional<RefreshToken> findByHash(String tokenHash) {
            throw new AssertionError("findByHash called");
        }

        @Override
        public Optional<RefreshToken> use(String tokenHash, Instant now) {
            throw new AssertionError("use called");
        }

        @Override
        public boolean holdsUsesUntilCommit() {
            throw new AssertionError("holdsUsesUntilCommit called");
        }

        @Override
        public void release(String tokenHash, Instant usedAt) {
            throw new AssertionError("release called");
        }

        @Override
        public int revokeGrant(String grantId) {
            throw new AssertionError("revokeGrant called");
        }

        @Override
        public int revokeSubject(Subject subject, Optional<ClientId> clientId) {
            throw new AssertionError("revokeSubject called");
        }

        @Override
        public Map<String, ClientId> liveGrants(Optional<Subject> subject, Optional<ClientId> clientId) {
            throw new AssertionError("liveGrants called");
        }

        @Override
        public int revokeClient(ClientId clientId) {
            throw new AssertionError("revokeClient called");
        }

        @Override
        public int deleteExpired(Instant before, int limit) {
            throw new AssertionError("deleteExpired called");
        }
    }
}
