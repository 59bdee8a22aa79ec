package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Token;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resource servers, introspection and revocation through the real server on PostgreSQL, driven by
 * the Nimbus OAuth SDK as a client and as a resource server would (RFC 7662, RFC 7009, RFC 8707,
 * RFC 9068, RFC 9701), for JWT and opaque access tokens.
 */
class ResourceServerEndToEndIT {

    private static final String SECRET = "portal-secret-0123456789";
    private static final String API_SECRET = "orders-api-secret-0123456789";
    private static final String PASSWORD = "correct horse battery staple";
    private static final URI REDIRECT = URI.create("https://app.example.com/callback");
    private static final String ORDERS = "https://api.example.com/orders";
    private static final String PAYMENTS = "https://api.example.com/payments";

    @TempDir
    static Path dir;

    private static TestInstance instance;
    private static AuthorizationServerMetadata metadata;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: openid
                  - name: offline_access
                  - name: orders:read
                  - name: payments:read
                users:
                  - username: alice
                    password: %1$s
                clients:
                  - client_id: portal
                    client_secret: %2$s
                    grant_types: [authorization_code, refresh_token, client_credentials]
                    redirect_uris: ["%3$s"]
                    scope: openid offline_access orders:read payments:read
                    first_party: true
                  - client_id: portal-opaque
                    client_secret: %2$s
                    grant_types: [authorization_code, refresh_token, client_credentials]
                    redirect_uris: ["%3$s"]
                    scope: openid offline_access orders:read payments:read
                    first_party: true
                    access_token_format: opaque
                  - client_id: orders-api
                    client_secret: %4$s
                  - client_id: payments-api
                    client_secret: %4$s
                resources:
                  - identifier: %5$s
                    scope: orders:read
                    introspection_clients: [orders-api]
                  - identifier: %6$s
                    scope: payments:read
                    introspection_clients: [payments-api]
                """.formatted(PASSWORD, SECRET, REDIRECT, API_SECRET, ORDERS, PAYMENTS));
        metadata = AuthorizationServerMetadata.resolve(new Issuer(instance.issuer()));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    private static ClientAuthentication client(String id) {
        return new ClientSecretBasic(new ClientID(id), new Secret(id.endsWith("-api") ? API_SECRET : SECRET));
    }

    private static AccessTokenResponse clientCredentials(String client, Scope scope, URI resource) throws Exception {
        TokenRequest.Builder request = new TokenRequest.Builder(metadata.getTokenEndpointURI(), client(client),
                new ClientCredentialsGrant()).scope(scope);
        if (resource != null) {
            request.resource(resource);
        }
        TokenResponse response = TokenResponse.parse(request.build().toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    private static TokenIntrospectionResponse introspect(String caller, Token token) throws Exception {
        return TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(),
                client(caller), token).toHTTPRequest().send());
    }

    private static boolean active(String caller, Token token) throws Exception {
        TokenIntrospectionResponse response = introspect(caller, token);
        assertTrue(response.indicatesSuccess());
        return response.toSuccessResponse().isActive();
    }

    private static void revoke(String caller, Token token) throws Exception {
        HTTPResponse response = new TokenRevocationRequest(metadata.getRevocationEndpointURI(), client(caller), token)
                .toHTTPRequest().send();
        assertEquals(200, response.getStatusCode(), response.getBody());
    }

    private JsonNode codeFlow(String client, String verifier) throws Exception {
        CodeFlowClient flow = new CodeFlowClient(instance.issuer(), client, SECRET, REDIRECT,
                "openid offline_access orders:read");
        HttpResponse<String> issued = flow.exchange(flow.signInForCode(verifier, "alice", PASSWORD), verifier);
        assertEquals(200, issued.statusCode(), issued.body());
        return json.readTree(issued.body());
    }

    /** A resource server for {@code audience}, as one would build it on the Nimbus JOSE library (RFC 9068 §4). */
    private static DefaultJWTProcessor<SecurityContext> resourceServer(String audience) throws Exception {
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of(audience),
                new JWTClaimsSet.Builder().issuer(instance.issuer().toString()).build(),
                Set.of("sub", "exp", "iat", "jti", "client_id", "scope"), null));
        return processor;
    }

    @Test
    void discoveryWhenResolvedThenIntrospectionAndRevocationAdvertised() { // RFC 8414 §2
        assertEquals(URI.create(instance.issuer() + "/introspect"), metadata.getIntrospectionEndpointURI());
        assertEquals(URI.create(instance.issuer() + "/revoke"), metadata.getRevocationEndpointURI());
        assertTrue(metadata.getIntrospectionEndpointAuthMethods()
                .contains(com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod.CLIENT_SECRET_BASIC));
    }

    @Test
    void resourceServerWhenJwtFromJwksThenAudAndScopeChecked() throws Exception { // RFC 9068 §4
        AccessToken token = clientCredentials("portal", new Scope("orders:read"), null).getTokens().getAccessToken();

        JWTClaimsSet claims = resourceServer(ORDERS).process(token.getValue(), null);

        assertEquals(List.of(ORDERS), claims.getAudience());
        assertTrue(Scope.parse(claims.getStringClaim("scope")).contains("orders:read"));
        assertEquals("portal", claims.getStringClaim("client_id"));
    }

    @Test
    void resourceServerWhenTokenNarrowedToAnotherResourceThenRefused() throws Exception { // RFC 8707 §2
        AccessToken token = clientCredentials("portal", null, URI.create(PAYMENTS)).getTokens().getAccessToken();

        assertThrows(BadJOSEException.class, () -> resourceServer(ORDERS).process(token.getValue(), null));
        assertEquals(List.of(PAYMENTS), resourceServer(PAYMENTS).process(token.getValue(), null).getAudience());
    }

    @Test
    void tokenWhenUnknownResourceThenInvalidTarget() throws Exception { // RFC 8707 §2
        TokenResponse response = TokenResponse.parse(new TokenRequest.Builder(metadata.getTokenEndpointURI(),
                client("portal"), new ClientCredentialsGrant()).resource(URI.create("https://api.example.com/unknown"))
                .build().toHTTPRequest().send());

        assertFalse(response.indicatesSuccess());
        TokenErrorResponse error = response.toErrorResponse();
        assertEquals("invalid_target", error.getErrorObject().getCode());
        assertEquals(400, error.getErrorObject().getHTTPStatusCode());
    }

    @Test
    void introspectWhenJwtByTheResourceServerThenActiveWithStandardFields() throws Exception { // RFC 7662 §2.2
        AccessToken token = clientCredentials("portal", new Scope("orders:read"), null).getTokens().getAccessToken();

        TokenIntrospectionSuccessResponse response = introspect("orders-api", token).toSuccessResponse();

        assertTrue(response.isActive());
        assertEquals(new ClientID("portal"), response.getClientID());
        assertEquals(List.of(new Audience(ORDERS)), response.getAudience());
        assertEquals(new Scope("orders:read"), response.getScope());
        assertEquals(AccessTokenType.BEARER, response.getTokenType());
        assertEquals(new Issuer(instance.issuer()), response.getIssuer());
        assertTrue(response.getExpirationTime().after(response.getIssueTime()));
        assertFalse(active("payments-api", token));
    }

    @Test
    void revokeWhenJwtAccessTokenThenIntrospectionInactive() throws Exception { // RFC 7009 §2
        AccessToken token = clientCredentials("portal", null, null).getTokens().getAccessToken();
        assertTrue(active("orders-api", token));

        revoke("portal", token);

        assertFalse(active("orders-api", token));
        assertFalse(active("portal", token));
    }

    @Test
    void revokeWhenOpaqueAccessTokenThenIntrospectionInactive() throws Exception { // RFC 7009 §2
        AccessToken token = clientCredentials("portal-opaque", new Scope("payments:read"), null).getTokens()
                .getAccessToken();
        TokenIntrospectionSuccessResponse before = introspect("payments-api", token).toSuccessResponse();
        assertTrue(before.isActive());
        assertEquals(List.of(new Audience(PAYMENTS)), before.getAudience());

        revoke("portal-opaque", token);

        assertFalse(active("payments-api", token));
    }

    @Test
    void revokeWhenAnotherClientsTokenThenStillActive() throws Exception { // RFC 7009 §2.1
        AccessToken token = clientCredentials("portal", null, null).getTokens().getAccessToken();

        revoke("portal-opaque", token);

        assertTrue(active("portal", token));
    }

    @Test
    void revokeWhenRefreshTokenOfJwtClientThenFamilyAndAccessTokenInactive() throws Exception { // RFC 7009 §2.1
        JsonNode tokens = codeFlow("portal", "jwt-family-verifier-" + "a".repeat(40));
        BearerAccessToken access = new BearerAccessToken(tokens.get("access_token").asText());
        RefreshToken refresh = new RefreshToken(tokens.get("refresh_token").asText());
        assertTrue(active("portal", refresh));
        assertTrue(active("orders-api", access));

        revoke("portal", refresh);

        assertFalse(active("portal", refresh));
        assertFalse(active("orders-api", access));
        HTTPResponse userInfo = new UserInfoRequest(URI.create(instance.issuer() + "/userinfo"), access)
                .toHTTPRequest().send();
        assertEquals(401, userInfo.getStatusCode());
    }

    @Test
    void revokeWhenRefreshTokenOfOpaqueClientThenOpaqueAccessTokenInactiveAtUserInfo() throws Exception { // RFC 7009 §2.1
        JsonNode tokens = codeFlow("portal-opaque", "opaque-family-verifier-" + "b".repeat(40));
        BearerAccessToken access = new BearerAccessToken(tokens.get("access_token").asText());
        RefreshToken refresh = new RefreshToken(tokens.get("refresh_token").asText());
        UserInfoResponse before = UserInfoResponse.parse(new UserInfoRequest(URI.create(instance.issuer() + "/userinfo"),
                access).toHTTPRequest().send());
        assertTrue(before.indicatesSuccess(), () -> before.toErrorResponse().getErrorObject().toString());

        revoke("portal-opaque", refresh);

        assertFalse(active("portal-opaque", access));
        assertFalse(active("portal-opaque", refresh));
        HTTPResponse after = new UserInfoRequest(URI.create(instance.issuer() + "/userinfo"), access)
                .toHTTPRequest().send();
        assertEquals(401, after.getStatusCode());
    }

    @Test
    void codeFlowWhenAuthorizeNamesResourceThenTokensOfTheGrantAreForItAlone() throws Exception { // RFC 8707 §2
        CodeFlowClient flow = new CodeFlowClient(instance.issuer(), "portal", SECRET, REDIRECT,
                "openid offline_access orders:read payments:read");
        String verifier = "resource-verifier-" + "c".repeat(40);
        String code = flow.signInForCode(verifier, "alice", PASSWORD,
                "&resource=" + java.net.URLEncoder.encode(PAYMENTS, java.nio.charset.StandardCharsets.UTF_8));
        JsonNode tokens = json.readTree(flow.exchange(code, verifier).body());

        String access = tokens.get("access_token").asText();
        assertEquals(List.of(PAYMENTS), resourceServer(PAYMENTS).process(access, null).getAudience());
        assertThrows(BadJOSEException.class, () -> resourceServer(ORDERS).process(access, null));
        JsonNode refreshed = json.readTree(flow.refresh(tokens.get("refresh_token").asText()).body());
        assertEquals(List.of(PAYMENTS), resourceServer(PAYMENTS).process(refreshed.get("access_token").asText(), null)
                .getAudience());
    }

    @Test
    void exchangeWhenCodeReplayedThenAccessTokensRefreshedSinceAreRevokedToo() throws Exception { // RFC 6749 §4.1.2
        CodeFlowClient flow = new CodeFlowClient(instance.issuer(), "portal", SECRET, REDIRECT,
                "openid offline_access orders:read");
        String verifier = "replay-verifier-" + "d".repeat(40);
        String code = flow.signInForCode(verifier, "alice", PASSWORD);
        JsonNode tokens = json.readTree(flow.exchange(code, verifier).body());
        JsonNode refreshed = json.readTree(flow.refresh(tokens.get("refresh_token").asText()).body());
        BearerAccessToken later = new BearerAccessToken(refreshed.get("access_token").asText());
        assertTrue(active("orders-api", later));

        HttpResponse<String> replay = flow.exchange(code, verifier);

        assertEquals(400, replay.statusCode());
        assertFalse(active("orders-api", later));
        assertFalse(active("portal", new RefreshToken(refreshed.get("refresh_token").asText())));
    }

    @Test
    void introspectWhenJwtResponseRequestedThenSignedForTheCaller() throws Exception { // RFC 9701 §4, §5
        AccessToken token = clientCredentials("portal-opaque", new Scope("orders:read"), null).getTokens()
                .getAccessToken();
        HTTPRequest request = new TokenIntrospectionRequest(metadata.getIntrospectionEndpointURI(), client("orders-api"),
                token).toHTTPRequest();
        request.setAccept("application/token-introspection+jwt");

        HTTPResponse response = request.send();

        assertEquals(200, response.getStatusCode());
        assertEquals("application/token-introspection+jwt", response.getHeaderValue("Content-Type"));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("token-introspection+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(Set.of("orders-api"),
                new JWTClaimsSet.Builder().issuer(instance.issuer().toString()).build(), Set.of("iat"), null));
        JWTClaimsSet claims = processor.process(response.getBody(), null);
        assertEquals(true, claims.getJSONObjectClaim("token_introspection").get("active"));
        assertEquals("portal-opaque", claims.getJSONObjectClaim("token_introspection").get("client_id"));
    }

    @Test
    void introspectWhenCallerUnauthenticatedThenInvalidClient() throws Exception { // RFC 7662 §2.1
        TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                metadata.getIntrospectionEndpointURI(), new ClientSecretBasic(new ClientID("orders-api"),
                new Secret("wrong-secret-0123456789")), new BearerAccessToken("x")).toHTTPRequest().send());

        assertFalse(response.indicatesSuccess());
        assertEquals("invalid_client", response.toErrorResponse().getErrorObject().getCode());
        assertEquals(401, response.toErrorResponse().getErrorObject().getHTTPStatusCode());
    }
}
