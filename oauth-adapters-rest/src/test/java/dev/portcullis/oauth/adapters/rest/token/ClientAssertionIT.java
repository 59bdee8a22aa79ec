package dev.portcullis.oauth.adapters.rest.token;

import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertError;
import static dev.portcullis.oauth.adapters.rest.TestHttpServer.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import dev.portcullis.oauth.adapters.rest.jwks.HttpJwkSetSource;
import dev.portcullis.oauth.adapters.rest.jwks.JwksTestServer;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /token} with client assertions (RFC 7523 §2.2, OIDC Core §9) over real HTTP, with a
 * {@code jwks_uri} served by a loopback server and fetched through {@link HttpJwkSetSource}.
 * Refusals are {@code invalid_client}; without an Authorization header they are 400 (RFC 6749 §5.2:
 * a 401 needs a challenge scheme, and assertions have none).
 */
class ClientAssertionIT {

    private static final String ISSUER = "https://as.example.com";
    private static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static final ClientSecret HMAC_SECRET = new ClientSecret("an-hmac-secret-of-at-least-32-bytes-0123456789");

    private static RSAKey rsaKey;
    private static ECKey ecKey;
    private static TestHttpServer server;
    private static JwksTestServer jwks;
    private static JwksTestServer deadJwks;

    @BeforeAll
    static void start() throws Exception {
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        jwks = JwksTestServer.start();
        jwks.serve(new JWKSet(ecKey.toPublicJWK()).toString());
        deadJwks = JwksTestServer.start();
        deadJwks.status(500);
        SecureRandom random = new SecureRandom();
        MasterKey masterKey = MasterKey.generate(random);
        InMemoryClientRepository clients = new InMemoryClientRepository();
        clients.save(client("keys").authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwks(new JWKSet(rsaKey.toPublicJWK()).toString()).build());
        clients.save(client("remote").authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwksUri(jwks.uri("/jwks")).build());
        clients.save(client("unreachable").authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwksUri(deadJwks.uri("/jwks")).build());
        clients.save(client("hmac").authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .secret(new Pbkdf2SecretHasher(random, 1000).hash(HMAC_SECRET))
                .sealedSecret(new ClientSecretCipher(masterKey, random).seal(new ClientId("hmac"), HMAC_SECRET)).build());
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        scopes.save(new ScopeDefinition(new Scope("read"), "Read"));
        server = TestHttpServer.start(AuthorizationServer.builder(ServerSettings.of(URI.create(ISSUER)))
                .clients(clients)
                .scopes(scopes)
                .signingKeys(new InMemorySigningKeyRepository(), masterKey)
                .clock(Clock.systemUTC())
                .random(random)
                .clientCacheTtl(Duration.ZERO)
                .clientJwkSets(new HttpJwkSetSource(Clock.systemUTC(), Duration.ofSeconds(2), 64 * 1024))
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        jwks.close();
        deadJwks.close();
    }

    private static dev.portcullis.oauth.domain.client.ClientBuilder client(String id) {
        return TestClients.confidential(id).grantTypes(GrantType.CLIENT_CREDENTIALS).scopes(ScopeSet.of("read"));
    }

    private static JWTClaimsSet.Builder claims(String clientId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(ISSUER + "/token")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rsa(JWTClaimsSet claims) throws Exception {
        return sign(new RSASSASigner(rsaKey), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims);
    }

    private static HttpResponse<String> token(String assertion, String... extra) {
        StringBuilder form = new StringBuilder("grant_type=client_credentials&client_assertion_type=")
                .append(URLEncoder.encode(TYPE, StandardCharsets.UTF_8))
                .append("&client_assertion=").append(assertion);
        for (String parameter : extra) {
            form.append('&').append(parameter);
        }
        return server.postForm("/token", form.toString());
    }

    private static void assertIssued(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response::body);
        assertTrue(response.body().startsWith("{\"access_token\":\"ey"), response::body);
    }

    @Test
    void tokenWhenPrivateKeyJwtWithInlineJwksThenIssued() throws Exception { // RFC 7523 §2.2
        assertIssued(token(rsa(claims("keys").build())));
    }

    @Test
    void tokenWhenPrivateKeyJwtWithMatchingClientIdThenIssued() throws Exception { // RFC 7521 §4.2
        assertIssued(token(rsa(claims("keys").build()), "client_id=keys"));
    }

    @Test
    void tokenWhenPrivateKeyJwtWithJwksUriThenIssued() throws Exception {
        String assertion = sign(new ECDSASigner(ecKey), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                claims("remote").build());

        assertIssued(token(assertion));
    }

    @Test
    void tokenWhenClientSecretJwtThenIssued() throws Exception { // OIDC Core §9
        String assertion = sign(new MACSigner(HMAC_SECRET.value().getBytes(StandardCharsets.UTF_8)),
                new JWSHeader(JWSAlgorithm.HS256), claims("hmac").build());

        assertIssued(token(assertion));
    }

    @Test
    void tokenWhenAssertionReplayedThenInvalidClient() throws Exception { // RFC 7523 §3 item 7
        String assertion = rsa(claims("keys").build());
        assertIssued(token(assertion));

        assertError(token(assertion), 400, "invalid_client", "The client assertion was already used.");
    }

    @Test
    void tokenWhenAssertionExpiredThenInvalidClient() throws Exception { // RFC 7523 §3 item 4
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        String assertion = rsa(claims("keys").issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))).build());

        assertError(token(assertion), 400, "invalid_client", "The client assertion has expired.");
    }

    @Test
    void tokenWhenWrongAudienceThenInvalidClient() throws Exception { // RFC 7523 §3 item 3
        assertError(token(rsa(claims("keys").audience("https://other.example.com/token").build())), 400,
                "invalid_client", "The client assertion audience does not name this server.");
    }

    @Test
    void tokenWhenAlgNoneThenInvalidClient() { // OIDC Core §9
        assertError(token(new PlainJWT(claims("keys").build()).serialize()), 400, "invalid_client",
                "The client assertion must be a signed JWT.");
    }

    @Test
    void tokenWhenHs256KeyedWithPublicKeyThenInvalidClient() throws Exception {
        byte[] publicKey = rsaKey.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        String assertion = sign(new MACSigner(publicKey), new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims("keys").build());

        assertError(token(assertion), 400, "invalid_client", "Client authentication failed.");
    }

    @Test
    void tokenWhenUnknownAssertionTypeThenInvalidClient() throws Exception { // RFC 7523 §2.2
        String form = "grant_type=client_credentials&client_assertion_type=urn%3Aexample%3Aother&client_assertion="
                + rsa(claims("keys").build());

        assertError(server.postForm("/token", form), 400, "invalid_client",
                "The client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.");
    }

    @Test
    void tokenWhenClientIdDiffersFromAssertionThenInvalidClient() throws Exception {
        assertError(token(rsa(claims("keys").build()), "client_id=hmac"), 400, "invalid_client",
                "The client_id parameter does not match the client assertion.");
    }

    @Test
    void tokenWhenAssertionBesideBasicHeaderThenInvalidRequest() throws Exception { // RFC 6749 §2.3
        String form = "grant_type=client_credentials&client_assertion_type=" + URLEncoder.encode(TYPE, StandardCharsets.UTF_8)
                + "&client_assertion=" + rsa(claims("keys").build());

        assertError(server.postForm("/token", form, "Authorization", basic("keys", "secret")), 400, "invalid_request",
                "The client used more than one authentication method.");
    }

    @Test
    void tokenWhenJwksUriFailsThenInvalidClientAndOtherClientsUnaffected() throws Exception {
        String assertion = sign(new ECDSASigner(ecKey), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                claims("unreachable").build());

        assertError(token(assertion), 400, "invalid_client", "Client authentication failed.");
        assertIssued(token(rsa(claims("keys").build())));
    }

    @Test
    void tokenWhenSignedByUnregisteredKeyThenInvalidClient() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
        String assertion = sign(new RSASSASigner(stranger), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims("keys").build());

        assertError(token(assertion), 400, "invalid_client", "Client authentication failed.");
    }

    @Test
    void metadataWhenServedThenListsAssertionMethodsAndAlgorithms() { // RFC 8414 §2
        String body = server.get("/.well-known/oauth-authorization-server").body();

        assertTrue(body.contains("\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\","
                + "\"private_key_jwt\",\"client_secret_jwt\"]"), body);
        assertTrue(body.contains("\"token_endpoint_auth_signing_alg_values_supported\":[\"HS256\""), body);
        assertTrue(!body.contains("\"none\""), body);
    }
}
