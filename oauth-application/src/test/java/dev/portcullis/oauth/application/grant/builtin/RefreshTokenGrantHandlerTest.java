package dev.portcullis.oauth.application.grant.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.contract.Race;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.IssueToken;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.RefreshTokenSuccessors;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.application.token.UserGrant;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.port.SecretHasher;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RefreshTokenGrantHandlerTest {

    private static final Instant NOW = TestServers.NOW;
    private static final Instant AUTH_TIME = NOW.minusSeconds(30);
    private static final String CONFIDENTIAL = "confidential-client";
    private static final String OTHER = "other-client";
    private static final String PUBLIC = "public-client";
    private static final String GRANT_ID = "grant-1";
    /** OIDC Core §11: an OpenID grant is refreshable only with offline_access. */
    private static final ScopeSet SCOPE = ScopeSet.of("openid", "offline_access", "read");
    /** Ten days absolute, two days idle. */
    private static final TokenLifetimes LIFETIMES =
            new TokenLifetimes(Duration.ofMinutes(5), Duration.ofDays(10), Duration.ofSeconds(60), Duration.ofDays(2));

    private static final OAuthError INVALID_TOKEN =
            new OAuthError(StandardErrorCode.INVALID_GRANT, "The refresh token is invalid or expired.");
    private static final OAuthError SCOPE_WIDENED = new OAuthError(StandardErrorCode.INVALID_SCOPE,
            "The requested scope exceeds the scope of the refresh token.");
    private static final OAuthError MISSING =
            new OAuthError(StandardErrorCode.INVALID_REQUEST, "The refresh_token parameter is missing.");

    private final MutableClock clock = new MutableClock(NOW);
    private final RefreshTokenSuccessors successors = new RefreshTokenSuccessors(
            MasterKey.generate(new SecureRandom()).derive(RefreshTokenSuccessors.KEY_PURPOSE));
    private final InMemoryRefreshTokenRepository stored = new InMemoryRefreshTokenRepository();
    /** Every refresh token saved, in order, so that tests can see successors they were not handed. */
    private final List<RefreshToken> saved = new ArrayList<>();
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final Map<String, Client> registered = new HashMap<>();
    private final SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
    /** Claims of every access token minted, by token value: the stub signer's "JWT" is an index. */
    private final Map<String, Map<String, Object>> signed = new ConcurrentHashMap<>();
    private final JwtAccessTokens tokens;
    private final IssueToken issueToken;

    RefreshTokenGrantHandlerTest() {
        register(TestClients.confidential(CONFIDENTIAL).lifetimes(LIFETIMES));
        register(TestClients.confidential(OTHER));
        register(TestClients.publicClient(PUBLIC));
        tokens = tokens(recording(stored));
        issueToken = issueToken(new RefreshTokenGrantHandler(stored, successors, clock), tokens);
    }

    @Test
    void grantTypeWhenReadThenRefreshTokenWithItsParameters() { // RFC 6749 §6
        RefreshTokenGrantHandler handler = new RefreshTokenGrantHandler(stored, successors, clock);

        assertEquals(GrantType.REFRESH_TOKEN, handler.grantType());
        assertEquals(Set.of("refresh_token", "scope"), handler.parameters());
    }

    @Test
    void constructorWhenGracePeriodNegativeThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class,
                () -> new RefreshTokenGrantHandler(stored, successors, clock, Duration.ofSeconds(-1)));
    }

    @Test
    void issueWhenValidThenAccessTokenOfTheUserAndNewRefreshToken() { // RFC 6749 §6, RFC 9068 §2.2.1
        String old = seed(CONFIDENTIAL);

        TokenResponse response = issueToken.issue(refresh(CONFIDENTIAL, old));

        Map<String, Object> claims = signed.get(response.accessToken().value());
        assertEquals("user-1", claims.get("sub"));
        assertEquals(AUTH_TIME.getEpochSecond(), claims.get("auth_time"));
        assertEquals("openid offline_access read", claims.get("scope"));
        assertEquals(SCOPE, response.scope());
        assertNotEquals(old, response.refreshToken().orElseThrow().value());
    }

    @Test
    void issueWhenRotatedThenSuccessorInTheSameFamilyAndOldTokenUsed() { // RFC 9700 §4.14.2
        String old = seed(CONFIDENTIAL);
        clock.advance(Duration.ofHours(1));

        String successor = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, old)));

        RefreshToken next = find(successor);
        assertEquals(GRANT_ID, next.grantId());
        assertEquals(SCOPE, next.scope());
        assertEquals(NOW.plusSeconds(3600).plus(Duration.ofDays(2)), next.expiresAt());
        assertEquals(NOW.plus(Duration.ofDays(10)), next.familyExpiresAt());
        assertEquals(Optional.of(NOW.plusSeconds(3600)), find(old).usedAt());
    }

    @Test
    void issueWhenRotatedThenSuccessorDerivedFromThePresentedToken() { // same successor for concurrent uses
        String old = seed(CONFIDENTIAL);

        String successor = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, old)));

        assertEquals(successors.of(old).value(), successor);
    }

    @Test
    void issueWhenReusedWithinGracePeriodThenSameSuccessorNewAccessTokenAndFamilyKept() { // RFC 9700 §4.14.2
        String old = seed(CONFIDENTIAL);
        TokenResponse first = issueToken.issue(refresh(CONFIDENTIAL, old));
        clock.advance(Duration.ofSeconds(9));

        TokenResponse retry = issueToken.issue(refresh(CONFIDENTIAL, old));

        assertEquals(refreshToken(first), refreshToken(retry));
        assertNotEquals(first.accessToken().value(), retry.accessToken().value());
        assertEquals(2, saved.size(), "the successor is stored once");
        assertFalse(find(refreshToken(retry)).revoked());
        assertTrue(issueToken.issue(refresh(CONFIDENTIAL, refreshToken(retry))).refreshToken().isPresent());
    }

    @Test
    void issueWhenReusedWithinGracePeriodAfterItsSuccessorWasUsedThenInvalidGrantAndFamilyKept() {
        String old = seed(CONFIDENTIAL);
        String successor = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, old)));
        String third = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, successor)));

        OAuthError error = refusal(refresh(CONFIDENTIAL, old));

        assertEquals(INVALID_TOKEN, error);
        assertFalse(find(third).revoked());
    }

    @Test
    void issueWhenReusedWithinGracePeriodWithWiderScopeThenInvalidScope() { // RFC 6749 §6 holds in the grace period
        String old = seed(CONFIDENTIAL, ScopeSet.of("read"));
        issueToken.issue(refresh(CONFIDENTIAL, old));

        OAuthError error = refusal(refresh(CONFIDENTIAL, old, "read write"));

        assertEquals(SCOPE_WIDENED, error);
    }

    @Test
    void issueWhenReusedWithinGracePeriodByAnotherClientThenInvalidGrant() { // RFC 6749 §10.4
        String old = seed(CONFIDENTIAL);
        issueToken.issue(refresh(CONFIDENTIAL, old));

        OAuthError error = refusal(refresh(OTHER, old));

        assertEquals(INVALID_TOKEN, error);
    }

    @Test
    void issueWhenReusedAfterTheSuccessorWasReissuedAndGracePeriodOverThenFamilyRevoked() { // RFC 9700 §4.14.2
        String old = seed(CONFIDENTIAL);
        issueToken.issue(refresh(CONFIDENTIAL, old));
        String successor = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, old)));
        clock.advance(RefreshTokenGrantHandler.DEFAULT_GRACE_PERIOD);

        assertEquals(INVALID_TOKEN, refusal(refresh(CONFIDENTIAL, old)));

        assertTrue(find(successor).revoked());
    }

    @Test
    void issueWhenFamilyCameWithSessionAndAmrThenSuccessorAndIdTokenKeepThem() { // OIDC Core §12.2
        Client client = registered.get(CONFIDENTIAL);
        String old = refreshToken(tokens.issuerFor(client).forUser(new UserGrant(new Subject("user-1"), client.id(),
                SCOPE, AUTH_TIME, GRANT_ID, GrantType.AUTHORIZATION_CODE, Optional.empty(), Optional.of("nonce-1"),
                Optional.of("session-1"), List.of("pwd"))).response());

        TokenResponse response = issueToken.issue(refresh(CONFIDENTIAL, old));

        Map<String, Object> claims = signed.get(response.idToken().orElseThrow().value());
        assertEquals("session-1", claims.get("sid"));
        assertEquals(List.of("pwd"), claims.get("amr"));
        assertFalse(claims.containsKey("nonce"), "OIDC Core §12.2: no nonce on refresh");
        RefreshToken successor = find(refreshToken(response));
        assertEquals(Optional.of("session-1"), successor.sessionId());
        assertEquals(List.of("pwd"), successor.authenticationMethods());
    }

    @Test
    void issueWhenReusedAfterGracePeriodThenFamilyRevoked() { // RFC 9700 §4.14.2: reuse detection
        String old = seed(CONFIDENTIAL);
        String successor = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, old)));
        clock.advance(RefreshTokenGrantHandler.DEFAULT_GRACE_PERIOD);

        OAuthError reuse = refusal(refresh(CONFIDENTIAL, old));

        assertEquals(INVALID_TOKEN, reuse);
        assertTrue(find(successor).revoked());
        assertEquals(INVALID_TOKEN, refusal(refresh(CONFIDENTIAL, successor)));
    }

    @Test
    void issueWhenGracePeriodZeroThenAnyReuseRevokesTheFamily() {
        IssueToken strict = issueToken(new RefreshTokenGrantHandler(stored, successors, clock, Duration.ZERO), tokens);
        String old = seed(CONFIDENTIAL);
        String successor = refreshToken(strict.issue(refresh(CONFIDENTIAL, old)));

        assertThrows(OAuthException.class, () -> strict.issue(refresh(CONFIDENTIAL, old)));

        assertTrue(find(successor).revoked());
    }

    @Test
    void issueWhenFamilyGrantedOpenIdThenIdTokenWithSameSubAndAuthTimeAndNoNonce() { // OIDC Core §12.2
        String old = seed(CONFIDENTIAL);

        TokenResponse response = issueToken.issue(refresh(CONFIDENTIAL, old, "read"));

        Map<String, Object> claims = signed.get(response.idToken().orElseThrow().value());
        assertEquals("user-1", claims.get("sub"));
        assertEquals(AUTH_TIME.getEpochSecond(), claims.get("auth_time"));
        assertEquals(List.of(CONFIDENTIAL), claims.get("aud"));
        assertFalse(claims.containsKey("nonce"));
    }

    @Test
    void issueWhenFamilyWithoutOpenIdThenNoIdToken() { // OIDC Core §3.1.2.1
        String old = seed(CONFIDENTIAL, ScopeSet.of("read"));

        TokenResponse response = issueToken.issue(refresh(CONFIDENTIAL, old));

        assertEquals(Optional.empty(), response.idToken());
    }

    @Test
    void issueWhenScopeNarrowedThenAccessTokenNarrowedAndRefreshTokenKeepsItsScope() { // RFC 6749 §6
        String old = seed(CONFIDENTIAL);

        TokenResponse response = issueToken.issue(refresh(CONFIDENTIAL, old, "read"));

        assertEquals(ScopeSet.of("read"), response.scope());
        assertEquals("read", signed.get(response.accessToken().value()).get("scope"));
        assertEquals(SCOPE, find(refreshToken(response)).scope());
    }

    @Test
    void issueWhenScopeOfTheTokenAskedAfterNarrowingThenGranted() { // RFC 6749 §6: narrowing is per request
        String narrowed = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, seed(CONFIDENTIAL), "read")));

        TokenResponse response = issueToken.issue(refresh(CONFIDENTIAL, narrowed, "openid offline_access read"));

        assertEquals(SCOPE, response.scope());
    }

    @Test
    void issueWhenScopeWidenedThenInvalidScopeAndTokenStillUsable() { // RFC 6749 §6
        String old = seed(CONFIDENTIAL, ScopeSet.of("read"));

        OAuthError error = refusal(refresh(CONFIDENTIAL, old, "openid read"));

        assertEquals(SCOPE_WIDENED, error);
        assertEquals(Optional.empty(), find(old).usedAt());
    }

    @Test
    void issueWhenTokenOfAnotherClientThenInvalidGrantAndTokenStillUsable() { // RFC 6749 §6, §10.4
        String old = seed(CONFIDENTIAL);

        OAuthError error = refusal(refresh(OTHER, old));

        assertEquals(INVALID_TOKEN, error);
        assertTrue(issueToken.issue(refresh(CONFIDENTIAL, old)).refreshToken().isPresent());
    }

    @Test
    void issueWhenIdleLifetimeOverThenInvalidGrant() {
        String old = seed(CONFIDENTIAL);
        clock.advance(Duration.ofDays(2));

        OAuthError error = refusal(refresh(CONFIDENTIAL, old));

        assertEquals(INVALID_TOKEN, error);
    }

    @Test
    void issueWhenUsedJustBeforeIdleLifetimeOverThenRotated() {
        String old = seed(CONFIDENTIAL);
        clock.advance(Duration.ofDays(2).minusSeconds(1));

        TokenResponse response = issueToken.issue(refresh(CONFIDENTIAL, old));

        assertTrue(response.refreshToken().isPresent());
    }

    @Test
    void issueWhenRotatedOftenThenFamilyStillEndsAtItsAbsoluteLifetime() { // rotation never extends the family
        String current = seed(CONFIDENTIAL);
        for (int day = 1; day < 10; day++) {
            clock.advance(Duration.ofDays(1));
            current = refreshToken(issueToken.issue(refresh(CONFIDENTIAL, current)));
        }
        assertEquals(NOW.plus(Duration.ofDays(10)), find(current).expiresAt());
        clock.advance(Duration.ofDays(1));

        OAuthError error = refusal(refresh(CONFIDENTIAL, current));

        assertEquals(INVALID_TOKEN, error);
    }

    @Test
    void issueWhenRevokedThenInvalidGrant() {
        String old = seed(CONFIDENTIAL);
        stored.revokeGrant(GRANT_ID);

        OAuthError error = refusal(refresh(CONFIDENTIAL, old));

        assertEquals(INVALID_TOKEN, error);
    }

    @Test
    void issueWhenUnknownThenInvalidGrant() {
        OAuthError error = refusal(refresh(CONFIDENTIAL, "not-a-refresh-token"));

        assertEquals(INVALID_TOKEN, error);
    }

    @Test
    void issueWhenRefreshTokenMissingThenInvalidRequest() { // RFC 6749 §6: REQUIRED
        TokenEndpointRequest request = TestServers.basic(CONFIDENTIAL, "grant_type", "refresh_token");

        OAuthError error = refusal(request);

        assertEquals(MISSING, error);
    }

    @Test
    void issueWhenPublicClientThenRotated() { // OAuth 2.1 §4.3.1, RFC 9700 §4.14.2
        String old = seed(PUBLIC);

        String successor = refreshToken(issueToken.issue(refresh(PUBLIC, old)));

        assertNotEquals(old, successor);
        assertTrue(issueToken.issue(refresh(PUBLIC, successor)).refreshToken().isPresent());
        assertEquals(INVALID_TOKEN, refusal(refresh(PUBLIC, old)));
    }

    @Test
    void issueWhenSixteenConcurrentUsesThenOneSuccessorForAllAndFamilyStaysUsable() { // DESIGN.md "Storage", RFC 9700 §4.14.2
        String old = seed(CONFIDENTIAL);

        List<Optional<TokenResponse>> outcomes = Race.run(16, i -> {
            try {
                return Optional.of(issueToken.issue(refresh(CONFIDENTIAL, old)));
            } catch (OAuthException e) {
                assertEquals(INVALID_TOKEN, e.error());
                return Optional.empty();
            }
        });

        List<TokenResponse> won = outcomes.stream().flatMap(Optional::stream).toList();
        assertFalse(won.isEmpty());
        assertEquals(Set.of(successors.of(old).value()),
                won.stream().map(RefreshTokenGrantHandlerTest::refreshToken).collect(Collectors.toSet()),
                "one live refresh token for the family, whoever won");
        assertEquals(2, saved.size());
        assertTrue(issueToken.issue(refresh(CONFIDENTIAL, refreshToken(won.get(0)))).refreshToken().isPresent());
    }

    @Test
    void issueWhenFamilyRevokedDuringRotationThenRefusedAndSuccessorRevoked() { // RFC 9700 §4.14.2
        RefreshTokenRepository revokingBeforeSave = new RevokingBeforeSave(recording(stored));
        IssueToken racing = issueToken(new RefreshTokenGrantHandler(revokingBeforeSave, successors, clock),
                tokens(revokingBeforeSave));
        String old = seed(CONFIDENTIAL);

        assertThrows(OAuthException.class, () -> racing.issue(refresh(CONFIDENTIAL, old)));

        assertEquals(2, saved.size());
        assertTrue(stored.findByHash(saved.get(1).tokenHash()).orElseThrow().revoked());
    }

    private String seed(String clientId) {
        return seed(clientId, SCOPE);
    }

    private String seed(String clientId, ScopeSet scope) {
        Client client = registered.get(clientId);
        return refreshToken(tokens.issuerFor(client).forUser(new UserGrant(new Subject("user-1"), client.id(), scope,
                AUTH_TIME, GRANT_ID, GrantType.AUTHORIZATION_CODE)).response());
    }

    private RefreshToken find(String value) {
        return stored.findByHash(TokenHash.of(value)).orElseThrow();
    }

    private static String refreshToken(TokenResponse response) {
        return response.refreshToken().orElseThrow().value();
    }

    private OAuthError refusal(TokenEndpointRequest request) {
        return assertThrows(OAuthException.class, () -> issueToken.issue(request)).error();
    }

    private static TokenEndpointRequest refresh(String clientId, String token, String... scope) {
        List<String> pairs = new ArrayList<>(List.of("grant_type", "refresh_token", "refresh_token", token));
        if (scope.length > 0) {
            pairs.addAll(List.of("scope", scope[0]));
        }
        ClientCredentials credentials = PUBLIC.equals(clientId)
                ? new ClientCredentials.PublicClient(new ClientId(clientId))
                : new ClientCredentials.SecretBasic(new ClientId(clientId), TestServers.SECRET);
        return TestServers.request(credentials, pairs.toArray(String[]::new));
    }

    private void register(ClientBuilder builder) {
        ClientBuilder draft = builder;
        if (draft.build().authenticationMethod().usesSecret()) {
            draft = draft.secret(hasher.hash(TestServers.SECRET));
        }
        Client client = draft.build();
        clients.save(client);
        registered.put(client.id().value(), client);
    }

    private JwtAccessTokens tokens(RefreshTokenRepository repository) {
        return new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), (algorithm, type, claims) -> {
            String value = type + "-" + claims.getOrDefault("jti", claims.get("at_hash"));
            signed.put(value, Map.copyOf(claims));
            return value;
        }, new SecureRandomTokenValueGenerator(new SecureRandom()), event -> { }, clock, repository);
    }

    private IssueToken issueToken(RefreshTokenGrantHandler handler, JwtAccessTokens minting) {
        return new IssueToken(new ClientAuthenticator(clients, hasher, new SecretVerificationCache(new SecureRandom(), 100)),
                new GrantHandlerRegistry(List.of(handler)), minting, new ScopePolicy(), new InMemoryUnitOfWork());
    }

    private RefreshTokenRepository recording(RefreshTokenRepository delegate) {
        return new Delegating(delegate) {
            @Override
            public void save(RefreshToken token) {
                super.save(token);
                record(token);
            }

            @Override
            public boolean saveIfAbsent(RefreshToken token) {
                boolean stored = super.saveIfAbsent(token);
                if (stored) {
                    record(token);
                }
                return stored;
            }

            private void record(RefreshToken token) {
                synchronized (saved) {
                    saved.add(token);
                }
            }
        };
    }

    /** Revokes the token's family just before storing it: a reuse detected while a rotation runs. */
    private static final class RevokingBeforeSave extends Delegating {

        RevokingBeforeSave(RefreshTokenRepository delegate) {
            super(delegate);
        }

        @Override
        public void save(RefreshToken token) {
            revokeGrant(token.grantId());
            super.save(token);
        }

        @Override
        public boolean saveIfAbsent(RefreshToken token) {
            revokeGrant(token.grantId());
            return super.saveIfAbsent(token);
        }
    }

    private static class Delegating implements RefreshTokenRepository {

        private final RefreshTokenRepository delegate;

        Delegating(RefreshTokenRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public void save(RefreshToken token) {
            delegate.save(token);
        }

        @Override
        public boolean saveIfAbsent(RefreshToken token) {
            return delegate.saveIfAbsent(token);
        }

        @Override
        public Optional<RefreshToken> findByHash(String tokenHash) {
            return delegate.findByHash(tokenHash);
        }

        @Override
        public Optional<RefreshToken> use(String tokenHash, Instant now) {
            return delegate.use(tokenHash, now);
        }

        @Override
        public boolean holdsUsesUntilCommit() {
            return delegate.holdsUsesUntilCommit();
        }

        @Override
        public void release(String tokenHash, Instant usedAt) {
            delegate.release(tokenHash, usedAt);
        }

        @Override
        public int revokeGrant(String grantId) {
            return delegate.revokeGrant(grantId);
        }

        @Override
        public int revokeSubject(Subject subject, Optional<ClientId> clientId) {
            return delegate.revokeSubject(subject, clientId);
        }

        @Override
        public Map<String, ClientId> liveGrants(Optional<Subject> subject, Optional<ClientId> clientId) {
            return delegate.liveGrants(subject, clientId);
        }

        @Override
        public int revokeClient(ClientId clientId) {
            return delegate.revokeClient(clientId);
        }

        @Override
        public int deleteExpired(Instant before, int limit) {
            return delegate.deleteExpired(before, limit);
        }
    }
}
