package dev.portcullis.oauth.application.grant.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.client.ClientAuthenticator;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.SecretVerificationCache;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.grant.GrantHandler;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.IssueToken;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryAuthorizationCodeRepository;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryResourceServerRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.application.token.RefreshTokenSuccessors;
import dev.portcullis.oauth.application.token.ResourceIndicators;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopePolicy;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The resource of the authorization request binds the grant: its code and its refresh tokens (RFC 8707 §2.2). */
class AuthorizationCodeResourceTest {

    private static final Instant NOW = TestServers.NOW;
    private static final String CLIENT = "confidential-client";
    private static final String CODE = "SplxlOBeZQQYbYS6WxSbIA-code-value-for-resource-tests";
    private static final String ORDERS = "https://api.example.com/orders";
    private static final String PROFILE = "https://api.example.com/profile";

    private final InMemoryAuthorizationCodeRepository codes = new InMemoryAuthorizationCodeRepository();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final Map<String, Map<String, Object>> signed = new ConcurrentHashMap<>();
    private final IssueToken issueToken;

    AuthorizationCodeResourceTest() {
        Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(new SecureRandom(), 1000);
        clients.save(TestClients.confidential(CLIENT).secret(hasher.hash(TestServers.SECRET)).build());
        InMemoryResourceServerRepository resources = new InMemoryResourceServerRepository();
        resources.save(new ResourceServer(URI.create(ORDERS), ScopeSet.of("read"), Set.of()));
        resources.save(new ResourceServer(URI.create(PROFILE), ScopeSet.of("openid", "read"), Set.of()));
        JwtAccessTokens tokens = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER), (algorithm, type, claims) -> {
            String value = type + "-" + claims.getOrDefault("jti", claims.get("at_hash"));
            signed.put(value, Map.copyOf(claims));
            return value;
        }, new SecureRandomTokenValueGenerator(new SecureRandom()), event -> { }, TestServers.CLOCK, refreshTokens)
                .withResources(new ResourceIndicators(resources, TestServers.ISSUER.toString(), TestServers.CLOCK));
        List<GrantHandler> handlers = List.of(
                new AuthorizationCodeGrantHandler(codes, refreshTokens, new InMemoryRevokedAccessTokenRepository(),
                        TestServers.CLOCK),
                new RefreshTokenGrantHandler(refreshTokens, new RefreshTokenSuccessors(
                        MasterKey.generate(new SecureRandom()).derive(RefreshTokenSuccessors.KEY_PURPOSE)),
                        TestServers.CLOCK));
        issueToken = new IssueToken(new ClientAuthenticator(clients, hasher, new SecretVerificationCache(new SecureRandom(), 100)),
                new GrantHandlerRegistry(handlers), tokens, new ScopePolicy(), new InMemoryUnitOfWork());
    }

    private void saveCode(Optional<URI> resource) {
        codes.save(new AuthorizationCode(TokenHash.of(CODE), new ClientId(CLIENT), TestClients.REDIRECT_URI,
                ScopeSet.of("openid", "offline_access", "read"), new Subject("user-1"), NOW.minusSeconds(30),
                Optional.empty(), Optional.empty(), Optional.empty(), "grant-1", NOW, NOW.plusSeconds(60), resource));
    }

    private static TokenEndpointRequest request(String... parameters) {
        return TestServers.request(new ClientCredentials.SecretBasic(new ClientId(CLIENT), TestServers.SECRET),
                parameters);
    }

    private TokenResponse exchange(String... extra) {
        String[] base = {"grant_type", "authorization_code", "code", CODE, "redirect_uri", TestClients.REDIRECT_URI.toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return issueToken.issue(request(all));
    }

    private Object aud(TokenResponse response) {
        return signed.get(response.accessToken().value()).get("aud");
    }

    private static void assertInvalidTarget(String description, Executable call) {
        OAuthException thrown = assertThrows(OAuthException.class, call);
        assertEquals(StandardErrorCode.INVALID_TARGET, thrown.error().code());
        assertEquals(description, thrown.error().description());
    }

    @Test
    void exchangeWhenCodeHasResourceThenAudIsOnlyThatResource() { // RFC 8707 §2.2
        saveCode(Optional.of(URI.create(ORDERS)));

        TokenResponse response = exchange();

        assertEquals(ORDERS, aud(response));
    }

    @Test
    void exchangeWhenCodeHasNoResourceThenAudIsEveryResourceReached() { // RFC 9068 §3
        saveCode(Optional.empty());

        TokenResponse response = exchange();

        assertEquals(List.of(ORDERS, PROFILE), aud(response));
    }

    @Test
    void exchangeWhenRequestNamesTheCodesResourceThenAccepted() { // RFC 8707 §2.2
        saveCode(Optional.of(URI.create(ORDERS)));

        assertEquals(ORDERS, aud(exchange("resource", ORDERS)));
    }

    @Test
    void exchangeWhenRequestNamesAnotherResourceThanTheCodesThenInvalidTarget() { // RFC 8707 §2.2
        saveCode(Optional.of(URI.create(ORDERS)));

        assertInvalidTarget("The resource is not the one the grant was issued for.", () -> exchange("resource", PROFILE));
    }

    @Test
    void exchangeWhenCodeUnboundAndRequestNamesResourceThenNarrowed() { // RFC 8707 §2.2
        saveCode(Optional.empty());

        assertEquals(PROFILE, aud(exchange("resource", PROFILE)));
    }

    @Test
    void refreshWhenFamilyBoundToResourceThenAudStaysThatResource() { // RFC 8707 §2.2
        saveCode(Optional.of(URI.create(ORDERS)));
        String refreshToken = exchange().refreshToken().orElseThrow().value();

        TokenResponse refreshed = issueToken.issue(request("grant_type", "refresh_token", "refresh_token", refreshToken));

        assertEquals(ORDERS, aud(refreshed));
        assertEquals(Optional.of(URI.create(ORDERS)), refreshTokens.findByHash(
                TokenHash.of(refreshed.refreshToken().orElseThrow().value())).orElseThrow().resource());
    }

    @Test
    void refreshWhenFamilyBoundAndOtherResourceRequestedThenInvalidTargetAndTokenNotUsedUp() { // RFC 8707 §2.2
        saveCode(Optional.of(URI.create(ORDERS)));
        String refreshToken = exchange().refreshToken().orElseThrow().value();

        assertInvalidTarget("The resource is not the one the grant was issued for.", () -> issueToken.issue(
                request("grant_type", "refresh_token", "refresh_token", refreshToken, "resource", PROFILE)));

        assertEquals(Optional.empty(), refreshTokens.findByHash(TokenHash.of(refreshToken)).orElseThrow().usedAt());
    }
}
