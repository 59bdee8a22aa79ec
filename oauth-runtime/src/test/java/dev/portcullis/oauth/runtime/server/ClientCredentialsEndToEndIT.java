package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on a free port against a real PostgreSQL, driven by the Nimbus OAuth SDK as a
 * client and verified the way a resource server would: from discovery and JWKS only.
 */
class ClientCredentialsEndToEndIT {

    private static final String SECRET = "billing-secret-0123456789";

    @TempDir
    static Path dir;

    private static TestInstance instance;
    private static URI issuer;

    @BeforeAll
    static void start() throws Exception {
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: orders:read
                    description: Read orders
                  - name: orders:write
                    description: Change orders
                clients:
                  - client_id: billing
                    client_secret: %s
                    grant_types: [client_credentials, "urn:example:grant:echo"]
                    scope: orders:read orders:write
                  - client_id: reporting
                    client_secret: %s
                    token_endpoint_auth_method: client_secret_post
                    grant_types: [client_credentials]
                    scope: orders:read
                    access_token_signed_response_alg: ES256
                  - client_id: no-grants
                    client_secret: %s
                    scope: orders:read
                """.formatted(SECRET, SECRET, SECRET));
        issuer = instance.issuer();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void clientCredentialsWhenBasicAuthThenTokenVerifiesFromDiscoveryAndJwks() throws Exception { // RFC 6749 §4.4, RFC 9068
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID("billing"), new Secret(SECRET)),
                new ClientCredentialsGrant(), new Scope("orders:read"));

        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        AccessTokenResponse success = response.toSuccessResponse();
        AccessToken token = success.getTokens().getAccessToken();
        assertNull(success.getTokens().getRefreshToken()); // RFC 6749 §4.4.3
        assertEquals(new Scope("orders:read"), token.getScope());
        assertEquals(300, token.getLifetime());
        JWTClaimsSet claims = verify(metadata, token.getValue(), JWSAlgorithm.RS256);
        assertEquals("billing", claims.getSubject());
        assertEquals("billing", claims.getStringClaim("client_id"));
        assertEquals("orders:read", claims.getStringClaim("scope"));
    }

    @Test
    void clientCredentialsWhenClientChoseEs256ThenTokenIsEs256AndVerifies() throws Exception {
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretPost(new ClientID("reporting"), new Secret(SECRET)), new ClientCredentialsGrant(), null);

        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        AccessToken token = response.toSuccessResponse().getTokens().getAccessToken();
        assertEquals(JWSAlgorithm.ES256, SignedJWT.parse(token.getValue()).getHeader().getAlgorithm());
        verify(metadata, token.getValue(), JWSAlgorithm.ES256);
    }

    @Test
    void clientCredentialsWhenScopeExceedsRegistrationThenInvalidScope() throws Exception { // RFC 6749 §5.2
        URI tokenEndpoint = URI.create(issuer + "/token");
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID("billing"), new Secret(SECRET)),
                new ClientCredentialsGrant(), new Scope("orders:read", "admin"));

        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        TokenErrorResponse error = response.toErrorResponse();
        assertEquals(OAuth2Error.INVALID_SCOPE.getCode(), error.getErrorObject().getCode());
        assertEquals(400, error.getErrorObject().getHTTPStatusCode());
    }

    @Test
    void clientCredentialsWhenWrongSecretThenUnauthorizedWithChallenge() throws Exception { // RFC 6749 §5.2
        URI tokenEndpoint = URI.create(issuer + "/token");
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID("billing"), new Secret("wrong-secret-0123456789")),
                new ClientCredentialsGrant(), null);

        HTTPResponse http = request.toHTTPRequest().send();

        assertEquals(401, http.getStatusCode());
        assertNotNull(http.getHeaderValue("WWW-Authenticate"));
        assertEquals("no-store", http.getHeaderValue("Cache-Control"));
        assertEquals(OAuth2Error.INVALID_CLIENT.getCode(),
                TokenResponse.parse(http).toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void clientCredentialsWhenClientNotAllowedTheGrantThenUnauthorizedClient() throws Exception { // RFC 6749 §5.2
        URI tokenEndpoint = URI.create(issuer + "/token");
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID("no-grants"), new Secret(SECRET)), new ClientCredentialsGrant(), null);

        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        assertEquals(OAuth2Error.UNAUTHORIZED_CLIENT.getCode(), response.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void customGrantWhenFoundByServiceLoaderThenAdvertisedAndServedWithSameClientAuth() throws Exception { // RFC 6749 §4.5
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID("billing"), new Secret(SECRET)),
                new EchoGrant("orders:write"), null);

        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        assertTrue(metadata.getGrantTypes().contains(new GrantType(EchoGrantHandler.GRANT_TYPE)));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        JWTClaimsSet claims = verify(metadata, response.toSuccessResponse().getTokens().getAccessToken().getValue(),
                JWSAlgorithm.RS256);
        assertEquals("orders:write", claims.getStringClaim("scope"));
    }

    @Test
    void customGrantWhenClientPresentsWrongSecretThenInvalidClientBeforeHandler() throws Exception {
        URI tokenEndpoint = URI.create(issuer + "/token");
        TokenRequest request = new TokenRequest(tokenEndpoint,
                new ClientSecretBasic(new ClientID("billing"), new Secret("wrong-secret-0123456789")),
                new EchoGrant("orders:write"), null);

        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());

        assertEquals(OAuth2Error.INVALID_CLIENT.getCode(), response.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void discoveryWhenFetchedThenAdvertisesOnlyWhatWorks() throws Exception { // RFC 8414 §2
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));

        assertEquals(URI.create(issuer + "/token"), metadata.getTokenEndpointURI());
        assertEquals(URI.create(issuer + "/jwks"), metadata.getJWKSetURI());
        assertEquals(URI.create(issuer + "/authorize"), metadata.getAuthorizationEndpointURI());
        assertEquals(Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN,
                new GrantType(EchoGrantHandler.GRANT_TYPE)), new HashSet<>(metadata.getGrantTypes()));
        assertEquals(Set.of("orders:read", "orders:write", "api:read", "api:write"),
                new HashSet<>(metadata.getScopes().toStringList()));
        assertFalse(metadata.getTokenEndpointAuthMethods().isEmpty());
    }

    @Test
    void verifyWhenTokenTypeIsNotAtJwtThenRejectedByResourceServer() throws Exception { // RFC 9068 §4
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        DefaultJWTProcessor<SecurityContext> processor = processor(metadata, JWSAlgorithm.RS256);
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID("billing"), new Secret(SECRET)), new ClientCredentialsGrant(), null);
        String token = TokenResponse.parse(request.toHTTPRequest().send()).toSuccessResponse()
                .getTokens().getAccessToken().getValue();

        assertThrows(BadJOSEException.class, () -> processor.process(token, null));
    }

    @Test
    void anyRequestWhenUriTooLongForJettyThenJsonErrorWithoutHtml() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(issuer + "/" + "a".repeat(20_000))).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(414, response.statusCode());
        assertEquals("application/json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("{\"error\":\"invalid_request\",\"error_description\":\"The HTTP request is malformed.\"}",
                response.body());
    }

    private static JWTClaimsSet verify(AuthorizationServerMetadata metadata, String token, JWSAlgorithm algorithm)
            throws Exception {
        return processor(metadata, algorithm).process(token, null);
    }

    private static DefaultJWTProcessor<SecurityContext> processor(AuthorizationServerMetadata metadata,
                                                                  JWSAlgorithm algorithm) throws Exception {
        URL jwksUrl = metadata.getJWKSetURI().toURL();
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwksUrl).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        // RFC 9068 §4: resource servers check typ at+jwt, iss, aud, exp and the signature.
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(issuer.toString(),
                new JWTClaimsSet.Builder().issuer(issuer.toString()).build(),
                Set.of("iss", "sub", "aud", "exp", "iat", "jti", "client_id")));
        return processor;
    }
}
