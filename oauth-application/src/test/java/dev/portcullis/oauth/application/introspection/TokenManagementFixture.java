package dev.portcullis.oauth.application.introspection;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.grant.TestUserGrantHandler;
import dev.portcullis.oauth.application.grant.TokenEndpointRequest;
import dev.portcullis.oauth.application.revocation.RevokeToken;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.ClientBuilder;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URI;
import java.text.ParseException;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A server with two resource servers and clients of both token formats, for introspection and
 * revocation tests (RFC 7662, RFC 7009).
 *
 * <ul>
 *   <li>{@code https://api.example.com/orders} owns {@code orders:read}; {@code orders-api} introspects for it.</li>
 *   <li>{@code https://api.example.com/payments} owns {@code payments:read}; {@code payments-api} introspects for it.</li>
 *   <li>{@code billing} (JWT) and {@code billing-opaque} (opaque) may use client_credentials, the
 *       test user grant and refresh_token, with {@code orders:read payments:read}.</li>
 *   <li>{@code stranger} is another confidential client; {@code cli} is a public client.</li>
 * </ul>
 */
public final class TokenManagementFixture {

    public static final URI ORDERS = URI.create("https://api.example.com/orders");
    public static final URI PAYMENTS = URI.create("https://api.example.com/payments");

    public final MutableClock clock = new MutableClock(TestServers.NOW);
    public final TestServers servers;
    public final AuthorizationServer server;

    public TokenManagementFixture() {
        this(servers -> servers);
    }

    /** The fixture with {@code changes} made to its server's parts, e.g. another deny list. */
    public TokenManagementFixture(UnaryOperator<TestServers> changes) {
        servers = changes.apply(TestServers.withGrants(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN))
                .grantHandler(new TestUserGrantHandler(clock))
                .tokenManagement()
                .clock(clock)
                .client(user(TestClients.confidential("billing")))
                .client(user(TestClients.confidential("billing-opaque")).accessTokenFormat(AccessTokenFormat.OPAQUE))
                .client(TestClients.confidential("orders-api").scopes(ScopeSet.EMPTY))
                .client(TestClients.confidential("payments-api").scopes(ScopeSet.EMPTY))
                .client(user(TestClients.confidential("stranger")))
                .client(TestClients.publicClient("cli").grantTypes(Set.of(TestUserGrantHandler.GRANT_TYPE,
                        GrantType.REFRESH_TOKEN)).scopes(ScopeSet.of("orders:read")));
        servers.resources().save(new ResourceServer(ORDERS, ScopeSet.of("orders:read"), Set.of(new ClientId("orders-api"))));
        servers.resources().save(new ResourceServer(PAYMENTS, ScopeSet.of("payments:read"),
                Set.of(new ClientId("payments-api"))));
        server = servers.build();
    }

    private static ClientBuilder user(ClientBuilder builder) {
        return builder.grantTypes(Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN,
                TestUserGrantHandler.GRANT_TYPE)).scopes(ScopeSet.of("orders:read", "payments:read"));
    }

    /** A client_credentials token of {@code client}, with the extra request parameters. */
    public TokenResponse clientToken(String client, String... parameters) {
        return server.issueToken().issue(TestServers.basic(client, concat(
                new String[] {"grant_type", "client_credentials"}, parameters)));
    }

    /** A user's tokens (with a refresh token) for {@code client}, with the extra request parameters. */
    public TokenResponse userTokens(String client, String... parameters) {
        return server.issueToken().issue(TestServers.basic(client, concat(
                new String[] {"grant_type", TestUserGrantHandler.GRANT_TYPE.value(), "subject", "alice"}, parameters)));
    }

    /** Refreshes {@code refreshToken} as {@code client}, with the extra request parameters. */
    public TokenResponse refresh(String client, String refreshToken, String... parameters) {
        return server.issueToken().issue(TestServers.basic(client, concat(
                new String[] {"grant_type", "refresh_token", "refresh_token", refreshToken}, parameters)));
    }

    /** Introspects {@code token} as {@code caller}, with the extra request parameters. */
    public Introspection introspect(String caller, String token, String... parameters) {
        return introspect(TestServers.basic(caller, concat(new String[] {"token", token}, parameters)));
    }

    public Introspection introspect(TokenEndpointRequest request) {
        return server.introspectToken().orElseThrow().introspect(request);
    }

    /** Revokes {@code token} as {@code caller}, with the extra request parameters. */
    public void revoke(String caller, String token, String... parameters) {
        revoker().revoke(TestServers.basic(caller, concat(new String[] {"token", token}, parameters)));
    }

    public RevokeToken revoker() {
        return server.revokeToken().orElseThrow();
    }

    /** A request of the public client {@code cli}. */
    public static TokenEndpointRequest publicRequest(String... parameters) {
        return TestServers.request(new ClientCredentials.PublicClient(new ClientId("cli")), parameters);
    }

    /** The claims of a JWT access token. */
    public static Map<String, Object> claims(TokenResponse response) {
        try {
            JWTClaimsSet claims = SignedJWT.parse(response.accessToken().value()).getJWTClaimsSet();
            return claims.toJSONObject();
        } catch (ParseException e) {
            throw new AssertionError("not a JWT", e);
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
