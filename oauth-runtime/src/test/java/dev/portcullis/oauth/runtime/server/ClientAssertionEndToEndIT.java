package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.OAuth2Error;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.auth.ClientSecretJWT;
import com.nimbusds.oauth2.sdk.auth.JWTAuthenticationClaimsSet;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.Audience;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Client authentication by key end to end (RFC 7523 §2.2 and §3, OIDC Core §9): the real server on
 * PostgreSQL, clients registered in its configuration file with keys this test generates (an
 * inline RSA {@code jwks}, and an EC key behind a {@code jwks_uri} served on loopback), and the
 * Nimbus OAuth SDK as the client. Every refusal must be {@code invalid_client}.
 */
class ClientAssertionEndToEndIT {

    private static final String HMAC_SECRET = "hmac-partner-secret-0123456789abcdef";

    @TempDir
    static Path dir;

    private static RSAKey rsaKey;
    private static ECKey ecKey;
    private static HttpServer jwksServer;
    private static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();
    private static TestInstance instance;
    private static URI tokenEndpoint;

    @BeforeAll
    static void start() throws Exception {
        rsaKey = new RSAKeyGenerator(2048).keyID("partner-rsa").generate();
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("partner-ec").generate();
        String ecJwks = new JWKSet(ecKey.toPublicJWK()).toString();
        jwksServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        jwksServer.createContext("/jwks", exchange -> {
            JWKS_REQUESTS.incrementAndGet();
            byte[] body = ecJwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        jwksServer.start();
        int closedPort = FreePorts.next();
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: orders:read
                    description: Read orders
                clients:
                  - client_id: partner-rsa
                    token_endpoint_auth_method: private_key_jwt
                    jwks: %s
                    grant_types: [client_credentials]
                    scope: orders:read
                  - client_id: partner-ec
                    token_endpoint_auth_method: private_key_jwt
                    token_endpoint_auth_signing_alg: ES256
                    jwks_uri: http://127.0.0.1:%d/jwks
                    grant_types: [client_credentials]
                    scope: orders:read
                  - client_id: partner-gone
                    token_endpoint_auth_method: private_key_jwt
                    jwks_uri: http://127.0.0.1:%d/jwks
                    grant_types: [client_credentials]
                    scope: orders:read
                  - client_id: partner-hmac
                    token_endpoint_auth_method: client_secret_jwt
                    client_secret: %s
                    grant_types: [client_credentials]
                    scope: orders:read
                """.formatted(new JWKSet(rsaKey.toPublicJWK()).toString(), jwksServer.getAddress().getPort(), closedPort,
                HMAC_SECRET));
        tokenEndpoint = AuthorizationServerMetadata.resolve(new Issuer(instance.issuer())).getTokenEndpointURI();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (jwksServer != null) {
            jwksServer.stop(0);
        }
    }

    private static TokenResponse token(ClientAuthentication authentication) throws Exception {
        return TokenResponse.parse(new TokenRequest(tokenEndpoint, authentication, new ClientCredentialsGrant(),
                new Scope("orders:read")).toHTTPRequest().send());
    }

    private static void assertIssued(TokenResponse response) {
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        assertEquals(new Scope("orders:read"), response.toSuccessResponse().getTokens().getAccessToken().getScope());
    }

    private static void assertInvalidClient(TokenResponse response, String description) {
        assertTrue(!response.indicatesSuccess(), "expected a refusal");
        TokenErrorResponse error = response.toErrorResponse();
        assertEquals(OAuth2Error.INVALID_CLIENT.getCode(), error.getErrorObject().getCode());
        assertEquals(400, error.getErrorObject().getHTTPStatusCode());
        assertEquals(description, error.getErrorObject().getDescription());
    }

    private static PrivateKeyJWT rsaAssertion(JWTAuthenticationClaimsSet claims) throws Exception {
        return new PrivateKeyJWT(claims, JWSAlgorithm.RS256, rsaKey.toPrivateKey(), "partner-rsa", null);
    }

    private static JWTAuthenticationClaimsSet claims(String clientId, URI audience, Instant now, Duration lifetime) {
        return new JWTAuthenticationClaimsSet(new ClientID(clientId), List.of(new Audience(audience)),
                Date.from(now.plus(lifetime)), null, Date.from(now), new JWTID());
    }

    @Test
    void tokenWhenPrivateKeyJwtRs256WithInlineJwksThenIssued() throws Exception { // RFC 7523 §2.2
        assertIssued(token(new PrivateKeyJWT(new ClientID("partner-rsa"), tokenEndpoint, JWSAlgorithm.RS256,
                rsaKey.toPrivateKey(), "partner-rsa", null)));
    }

    @Test
    void tokenWhenPrivateKeyJwtAudienceIsIssuerThenIssued() throws Exception { // RFC 7523 §3 item 3
        assertIssued(token(rsaAssertion(claims("partner-rsa", instance.issuer(), Instant.now(), Duration.ofMinutes(1)))));
    }

    @Test
    void tokenWhenPrivateKeyJwtEs256FromJwksUriThenIssuedAndKeysCached() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertIssued(token(new PrivateKeyJWT(new ClientID("partner-ec"), tokenEndpoint, JWSAlgorithm.ES256,
                    ecKey.toPrivateKey(), "partner-ec", null)));
        }

        assertEquals(1, JWKS_REQUESTS.get());
    }

    @Test
    void tokenWhenClientSecretJwtThenIssued() throws Exception { // OIDC Core §9
        assertIssued(token(new ClientSecretJWT(new ClientID("partner-hmac"), tokenEndpoint, JWSAlgorithm.HS256,
                new Secret(HMAC_SECRET))));
    }

    @Test
    void tokenWhenAssertionReplayedThenInvalidClientAndJtiStoredInPostgres() throws Exception { // RFC 7523 §3 item 7
        PrivateKeyJWT once = new PrivateKeyJWT(new ClientID("partner-rsa"), tokenEndpoint, JWSAlgorithm.RS256,
                rsaKey.toPrivateKey(), "partner-rsa", null);
        assertIssued(token(once));

        assertInvalidClient(token(once), "The client assertion was already used.");
        assertEquals(1, storedJtis(once.getJWTAuthenticationClaimsSet().getJWTID().getValue()));
    }

    @Test
    void tokenWhenSixteenRequestsRaceWithOneAssertionThenExactlyOneIssued() throws Exception { // RFC 7523 §3 item 7
        PrivateKeyJWT once = new PrivateKeyJWT(new ClientID("partner-rsa"), tokenEndpoint, JWSAlgorithm.RS256,
                rsaKey.toPrivateKey(), "partner-rsa", null);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return token(once).indicatesSuccess();
                }));
            }
            go.countDown();
            int issued = 0;
            for (Future<Boolean> result : results) {
                issued += result.get(1, TimeUnit.MINUTES) ? 1 : 0;
            }

            assertEquals(1, issued);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tokenWhenAssertionExpiredThenInvalidClient() throws Exception { // RFC 7523 §3 item 4
        Instant past = Instant.now().minus(Duration.ofMinutes(10));

        assertInvalidClient(token(rsaAssertion(claims("partner-rsa", tokenEndpoint, past, Duration.ofMinutes(1)))),
                "The client assertion has expired.");
    }

    @Test
    void tokenWhenAssertionLivesTooLongThenInvalidClient() throws Exception {
        assertInvalidClient(token(rsaAssertion(claims("partner-rsa", tokenEndpoint, Instant.now(), Duration.ofHours(1)))),
                "The client assertion expires too far in the future.");
    }

    @Test
    void tokenWhenWrongAudienceThenInvalidClient() throws Exception { // RFC 7523 §3 item 3
        URI elsewhere = URI.create("https://other-as.example.com/token");

        assertInvalidClient(token(rsaAssertion(claims("partner-rsa", elsewhere, Instant.now(), Duration.ofMinutes(1)))),
                "The client assertion audience does not name this server.");
    }

    @Test
    void tokenWhenAlgNoneThenInvalidClient() throws Exception { // OIDC Core §9
        PlainJWT unsigned = new PlainJWT(claims("partner-rsa", tokenEndpoint, Instant.now(), Duration.ofMinutes(1))
                .toJWTClaimsSet());

        HttpResponse<String> response = postAssertion(unsigned.serialize());

        assertEquals(400, response.statusCode());
        assertEquals("{\"error\":\"invalid_client\",\"error_description\":\"The client assertion must be a signed JWT.\"}",
                response.body());
    }

    @Test
    void tokenWhenHs256KeyedWithThePublicKeyThenInvalidClient() throws Exception { // algorithm confusion
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("partner-rsa").build(),
                claims("partner-rsa", tokenEndpoint, Instant.now(), Duration.ofMinutes(1)).toJWTClaimsSet());
        forged.sign(new MACSigner(rsaKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8)));

        assertInvalidClient(token(new ClientSecretJWT(forged)), "Client authentication failed.");
    }

    @Test
    void tokenWhenSignedWithAnotherKeyThenInvalidClient() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("partner-rsa").generate();

        assertInvalidClient(token(new PrivateKeyJWT(new ClientID("partner-rsa"), tokenEndpoint, JWSAlgorithm.RS256,
                stranger.toPrivateKey(), "partner-rsa", null)), "Client authentication failed.");
    }

    @Test
    void tokenWhenRegisteredAlgIsEs256AndRs256SentThenInvalidClient() throws Exception { // OIDC Registration §2
        assertInvalidClient(token(new PrivateKeyJWT(new ClientID("partner-ec"), tokenEndpoint, JWSAlgorithm.RS256,
                rsaKey.toPrivateKey(), "partner-ec", null)),
                "The client assertion algorithm is not allowed for this client.");
    }

    @Test
    void tokenWhenJwksUriUnreachableThenInvalidClientAndOthersStillServed() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("gone").generate();

        assertInvalidClient(token(new PrivateKeyJWT(new ClientID("partner-gone"), tokenEndpoint, JWSAlgorithm.ES256,
                key.toPrivateKey(), "gone", null)), "Client authentication failed.");
        assertIssued(token(new PrivateKeyJWT(new ClientID("partner-rsa"), tokenEndpoint, JWSAlgorithm.RS256,
                rsaKey.toPrivateKey(), "partner-rsa", null)));
    }

    @Test
    void metadataWhenResolvedThenAdvertisesKeyMethodsAndAlgorithms() throws Exception { // RFC 8414 §2
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(instance.issuer()));

        assertTrue(metadata.getTokenEndpointAuthMethods().containsAll(List.of(ClientAuthenticationMethod.PRIVATE_KEY_JWT,
                ClientAuthenticationMethod.CLIENT_SECRET_JWT)));
        assertTrue(metadata.getTokenEndpointJWSAlgs().containsAll(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256,
                JWSAlgorithm.PS256, JWSAlgorithm.HS256)));
        assertTrue(metadata.getTokenEndpointJWSAlgs().stream().noneMatch(alg -> "none".equals(alg.getName())));
    }

    private static HttpResponse<String> postAssertion(String assertion) throws Exception {
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(tokenEndpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int storedJtis(String jti) throws Exception {
        try (Connection connection = DriverManager.getConnection(instance.databaseUrl(), TestDatabases.user(), null);
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM client_assertion_jti WHERE client_id = ? AND jti = ?")) {
            statement.setString(1, "partner-rsa");
            statement.setString(2, jti);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
