package dev.portcullis.oauth.application.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.key.ClientSecretCipher;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryAssertionJtiRepository;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.domain.client.AssertionSigningAlgorithm;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Client authentication with JWT assertions (RFC 7523 §2.2 and §3, OIDC Core §9), one check per test. */
class ClientAssertionVerifierTest {

    private static final String ISSUER = "https://as.example.com";
    private static final String TOKEN_ENDPOINT = ISSUER + "/token";
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final URI JWKS_URI = URI.create("https://partner.example.com/jwks");
    private static final ClientSecret SECRET = new ClientSecret("0123456789abcdef0123456789abcdef0123456789abcdef");

    private static RSAKey rsaKey;
    private static ECKey ecKey;
    private static RSAKey rotatedRsaKey;
    private static OctetKeyPair edKey;

    private final SecureRandom random = new SecureRandom();
    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final InMemoryAssertionJtiRepository jtis = new InMemoryAssertionJtiRepository();
    private final ClientSecretCipher cipher = new ClientSecretCipher(MasterKey.generate(random), random);
    private final List<URI> fetches = new ArrayList<>();
    private volatile String remoteJwks;
    private final ClientAuthenticator authenticator;

    @BeforeAll
    static void generateKeys() throws Exception {
        rsaKey = new RSAKeyGenerator(2048).keyID("rsa-1").keyUse(KeyUse.SIGNATURE).generate();
        ecKey = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rotatedRsaKey = new RSAKeyGenerator(2048).keyID("rsa-2").generate();
        edKey = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
    }

    ClientAssertionVerifierTest() {
        ClientJwkSets keys = new ClientJwkSets(this::fetch, clock, Duration.ofMinutes(5), Duration.ofSeconds(30), 100);
        ClientAssertionVerifier verifier = new ClientAssertionVerifier(Set.of(ISSUER, TOKEN_ENDPOINT, ISSUER + "/revoke"),
                keys, Optional.of(cipher), jtis, clock, Duration.ofMinutes(5), Duration.ofSeconds(30));
        authenticator = new ClientAuthenticator(clients, new Pbkdf2SecretHasher(random, 1000),
                new SecretVerificationCache(random, 10), Optional.of(verifier));
        clients.save(TestClients.confidential("keys").authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwks(new JWKSet(List.of(rsaKey.toPublicJWK(), ecKey.toPublicJWK(), edKey.toPublicJWK())).toString())
                .build());
        clients.save(TestClients.confidential("remote").authenticationMethod(ClientAuthenticationMethod.PRIVATE_KEY_JWT)
                .jwksUri(JWKS_URI).build());
        clients.save(TestClients.confidential("hmac").authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT)
                .sealedSecret(cipher.seal(new ClientId("hmac"), SECRET)).build());
        clients.save(TestClients.confidential("basic").build());
        remoteJwks = new JWKSet(rsaKey.toPublicJWK()).toString();
    }

    private String fetch(URI uri) {
        fetches.add(uri);
        if (remoteJwks == null) {
            throw new UncheckedIOException(new IOException("connection refused"));
        }
        return remoteJwks;
    }

    // ---- fixtures -------------------------------------------------------------------------------

    private static JWTClaimsSet.Builder claims(String clientId) {
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(TOKEN_ENDPOINT)
                .expirationTime(Date.from(NOW.plusSeconds(60))).issueTime(Date.from(NOW))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String signed(JWSSigner signer, JWSHeader header, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    private static String rsa(String clientId, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder builder = claims(clientId);
        change.accept(builder);
        return signed(new RSASSASigner(rsaKey), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                builder.build());
    }

    private static String rsa(Consumer<JWTClaimsSet.Builder> change) throws Exception {
        return rsa("keys", change);
    }

    private static String hmac(JWSAlgorithm alg, ClientSecret secret) throws Exception {
        return signed(new MACSigner(secret.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new JWSHeader(alg), claims("hmac").build());
    }

    private AuthenticatedClient authenticate(String assertion) {
        return authenticator.authenticate(new ClientCredentials.JwtAssertion(ClientAssertion.parse(
                Optional.of(ClientAssertion.JWT_BEARER_TYPE), assertion, Optional.empty())));
    }

    private OAuthException refused(String assertion) {
        OAuthException thrown = assertThrows(OAuthException.class, () -> authenticate(assertion));
        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
        return thrown;
    }

    private static OAuthException refusedAtParse(Optional<String> type, String assertion, Optional<String> clientId) {
        OAuthException thrown = assertThrows(OAuthException.class, () -> ClientAssertion.parse(type, assertion, clientId));
        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
        return thrown;
    }

    // ---- private_key_jwt: success ---------------------------------------------------------------

    @Test
    void authenticateWhenRs256SignedWithRegisteredKeyThenPrivateKeyJwt() throws Exception { // RFC 7523 §2.2
        AuthenticatedClient client = authenticate(rsa(c -> { }));

        assertEquals(new ClientId("keys"), client.registration().id());
        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, client.method());
    }

    @Test
    void authenticateWhenEs256SignedWithRegisteredKeyThenPrivateKeyJwt() throws Exception {
        String assertion = signed(new ECDSASigner(ecKey), new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(),
                claims("keys").build());

        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, authenticate(assertion).method());
    }

    @Test
    void authenticateWhenEdDsaSignedWithRegisteredEd25519KeyThenPrivateKeyJwt() throws Exception { // RFC 8037 §3.1
        String assertion = signed(new Ed25519Signer(edKey), new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed-1").build(),
                claims("keys").build());

        assertEquals(ClientAuthenticationMethod.PRIVATE_KEY_JWT, authenticate(assertion).method());
    }

    @Test
    void authenticateWhenEdDsaSignedWithAnUnregisteredKeyThenInvalidClient() throws Exception {
        OctetKeyPair stranger = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate();
        String assertion = signed(new Ed25519Signer(stranger), new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed-1")
                .build(), claims("keys").build());

        assertEquals(StandardErrorCode.INVALID_CLIENT, refused(assertion).error().code());
    }

    @Test
    void authenticateWhenPs256WithoutKidThenTriesEveryFittingKey() throws Exception {
        String assertion = signed(new RSASSASigner(rsaKey), new JWSHeader(JWSAlgorithm.PS256), claims("keys").build());

        assertEquals(new ClientId("keys"), authenticate(assertion).registration().id());
    }

    @Test
    void authenticateWhenAudienceIsIssuerThenAccepted() throws Exception { // RFC 7523 §3 item 3
        assertEquals(new ClientId("keys"), authenticate(rsa(c -> c.audience(ISSUER))).registration().id());
    }

    @Test
    void authenticateWhenAudienceListContainsOtherEndpointOfServerThenAccepted() throws Exception {
        String assertion = rsa(c -> c.audience(List.of("https://elsewhere.example", ISSUER + "/revoke")));

        assertEquals(new ClientId("keys"), authenticate(assertion).registration().id());
    }

    @Test
    void authenticateWhenExpiredWithinClockSkewThenAccepted() throws Exception {
        String assertion = rsa(c -> c.expirationTime(Date.from(NOW.minusSeconds(10))));

        assertEquals(new ClientId("keys"), authenticate(assertion).registration().id());
    }

    // ---- parse: type, format, iss/sub/client_id -------------------------------------------------

    @Test
    void parseWhenTypeMissingThenInvalidClient() throws Exception { // RFC 7521 §4.2
        OAuthException thrown = refusedAtParse(Optional.empty(), rsa(c -> { }), Optional.empty());

        assertEquals("The client_assertion_type parameter is missing.", thrown.error().description());
    }

    @Test
    void parseWhenTypeIsSaml2ThenInvalidClient() throws Exception { // RFC 7523 §2.2
        OAuthException thrown = refusedAtParse(Optional.of("urn:ietf:params:oauth:client-assertion-type:saml2-bearer"),
                rsa(c -> { }), Optional.empty());

        assertEquals("The client_assertion_type must be urn:ietf:params:oauth:client-assertion-type:jwt-bearer.",
                thrown.error().description());
    }

    @Test
    void parseWhenNotAJwtThenInvalidClient() {
        OAuthException thrown = refusedAtParse(Optional.of(ClientAssertion.JWT_BEARER_TYPE), "not-a-jwt", Optional.empty());

        assertEquals("The client assertion is not a JWT.", thrown.error().description());
    }

    @Test
    void parseWhenAlgNoneThenInvalidClient() { // OIDC Core §9: "none" MUST NOT be used
        String unsigned = new PlainJWT(claims("keys").build()).serialize();

        OAuthException thrown = refusedAtParse(Optional.of(ClientAssertion.JWT_BEARER_TYPE), unsigned, Optional.empty());

        assertEquals("The client assertion must be a signed JWT.", thrown.error().description());
    }

    @Test
    void parseWhenAlgNoneWithForgedSignaturePartThenInvalidClient() throws Exception {
        String[] parts = rsa(c -> { }).split("\\.");
        String header = Base64URL.encode("{\"alg\":\"none\"}").toString();

        OAuthException thrown = refusedAtParse(Optional.of(ClientAssertion.JWT_BEARER_TYPE),
                header + "." + parts[1] + "." + parts[2], Optional.empty());

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
    }

    @Test
    void parseWhenTooLongThenInvalidClient() {
        OAuthException thrown = refusedAtParse(Optional.of(ClientAssertion.JWT_BEARER_TYPE),
                "a".repeat(ClientAssertion.MAX_LENGTH + 1), Optional.empty());

        assertEquals("The client assertion is empty or too long.", thrown.error().description());
    }

    @Test
    void parseWhenIssDiffersFromSubThenInvalidClient() throws Exception { // RFC 7523 §3 items 1, 2
        OAuthException thrown = refusedAtParse(Optional.of(ClientAssertion.JWT_BEARER_TYPE),
                rsa(c -> c.issuer("someone-else")), Optional.empty());

        assertEquals("The client assertion iss and sub must both be the client_id.", thrown.error().description());
    }

    @Test
    void parseWhenSubMissingThenInvalidClient() throws Exception {
        OAuthException thrown = refusedAtParse(Optional.of(ClientAssertion.JWT_BEARER_TYPE),
                rsa(c -> c.subject(null)), Optional.empty());

        assertEquals("The client assertion must carry iss and sub.", thrown.error().description());
    }

    @Test
    void parseWhenClientIdParameterDiffersThenInvalidClient() throws Exception { // RFC 7521 §4.2
        OAuthException thrown = refusedAtParse(Optional.of(ClientAssertion.JWT_BEARER_TYPE), rsa(c -> { }),
                Optional.of("basic"));

        assertEquals("The client_id parameter does not match the client assertion.", thrown.error().description());
    }

    @Test
    void parseWhenClientIdParameterMatchesThenParsed() throws Exception {
        ClientAssertion assertion = ClientAssertion.parse(Optional.of(ClientAssertion.JWT_BEARER_TYPE), rsa(c -> { }),
                Optional.of("keys"));

        assertEquals("ClientAssertion[client_id=keys, alg=RS256]", assertion.toString());
    }

    // ---- claims ---------------------------------------------------------------------------------

    @Test
    void authenticateWhenWrongAudienceThenInvalidClient() throws Exception { // RFC 7523 §3 item 3
        OAuthException thrown = refused(rsa(c -> c.audience("https://other-as.example.com/token")));

        assertEquals("The client assertion audience does not name this server.", thrown.error().description());
    }

    @Test
    void authenticateWhenNoAudienceThenInvalidClient() throws Exception {
        OAuthException thrown = refused(rsa(c -> c.audience((String) null)));

        assertEquals("The client assertion audience does not name this server.", thrown.error().description());
    }

    @Test
    void authenticateWhenExpMissingThenInvalidClient() throws Exception { // RFC 7523 §3 item 4
        OAuthException thrown = refused(rsa(c -> c.expirationTime(null)));

        assertEquals("The client assertion must carry exp.", thrown.error().description());
    }

    @Test
    void authenticateWhenExpiredBeyondClockSkewThenInvalidClient() throws Exception { // RFC 7523 §3 item 4
        String assertion = rsa(c -> { });
        clock.advance(Duration.ofSeconds(91));

        OAuthException thrown = refused(assertion);

        assertEquals("The client assertion has expired.", thrown.error().description());
    }

    @Test
    void authenticateWhenExpTooFarAheadThenInvalidClient() throws Exception {
        OAuthException thrown = refused(rsa(c -> c.expirationTime(Date.from(NOW.plus(Duration.ofMinutes(6))))));

        assertEquals("The client assertion expires too far in the future.", thrown.error().description());
    }

    @Test
    void authenticateWhenNotBeforeInFutureThenInvalidClient() throws Exception { // RFC 7523 §3 item 5
        OAuthException thrown = refused(rsa(c -> c.notBeforeTime(Date.from(NOW.plusSeconds(45)))));

        assertEquals("The client assertion is not valid yet.", thrown.error().description());
    }

    @Test
    void authenticateWhenIssuedInFutureThenInvalidClient() throws Exception { // RFC 7523 §3 item 6
        OAuthException thrown = refused(rsa(c -> c.issueTime(Date.from(NOW.plusSeconds(45)))));

        assertEquals("The client assertion is issued in the future.", thrown.error().description());
    }

    @Test
    void authenticateWhenJtiMissingThenInvalidClient() throws Exception { // RFC 7523 §3 item 7, OIDC Core §9
        OAuthException thrown = refused(rsa(c -> c.jwtID(null)));

        assertEquals("The client assertion must carry a jti of at most 255 characters.", thrown.error().description());
    }

    @Test
    void authenticateWhenReplayedThenInvalidClient() throws Exception { // RFC 7523 §3 item 7
        String assertion = rsa(c -> { });
        authenticate(assertion);

        OAuthException thrown = refused(assertion);

        assertEquals("The client assertion was already used.", thrown.error().description());
    }

    @Test
    void authenticateWhenSignatureFailsThenJtiNotSpent() throws Exception {
        String jti = "jti-kept";
        String forged = signed(new RSASSASigner(rotatedRsaKey), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims("keys").jwtID(jti).build());
        refused(forged);

        AuthenticatedClient client = authenticate(rsa(c -> c.jwtID(jti)));

        assertEquals(new ClientId("keys"), client.registration().id());
    }

    // ---- algorithms and keys --------------------------------------------------------------------

    @Test
    void authenticateWhenHs256KeyedWithPublicKeyThenInvalidClient() throws Exception { // the RS256 → HS256 confusion
        byte[] publicKeyBytes = rsaKey.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String assertion = signed(new MACSigner(publicKeyBytes), new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(),
                claims("keys").build());

        OAuthException thrown = refused(assertion);

        assertEquals("Client authentication failed.", thrown.error().description());
    }

    @Test
    void authenticateWhenAlgNotInRegisteredAlgThenInvalidClient() throws Exception { // OIDC Registration §2
        clients.save(clients.findById(new ClientId("keys")).orElseThrow().toBuilder()
                .authSigningAlgorithm(AssertionSigningAlgorithm.ES256).build());

        OAuthException thrown = refused(rsa(c -> { }));

        assertEquals("The client assertion algorithm is not allowed for this client.", thrown.error().description());
    }

    @Test
    void authenticateWhenRs512NotInDefaultsThenInvalidClient() throws Exception {
        String assertion = signed(new RSASSASigner(rsaKey), new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("rsa-1").build(),
                claims("keys").build());

        OAuthException thrown = refused(assertion);

        assertEquals("The client assertion algorithm is not allowed for this client.", thrown.error().description());
    }

    @Test
    void authenticateWhenKeyAlgContradictsThenInvalidClient() throws Exception { // RFC 7517 §4.4
        RSAKey psOnly = new RSAKey.Builder(rsaKey.toRSAPublicKey()).keyID("rsa-1").algorithm(JWSAlgorithm.PS256).build();
        clients.save(clients.findById(new ClientId("keys")).orElseThrow().toBuilder()
                .jwks(new JWKSet(psOnly).toString()).build());

        OAuthException thrown = refused(rsa(c -> { }));

        assertEquals("Client authentication failed.", thrown.error().description());
    }

    @Test
    void authenticateWhenKeyUseIsEncryptionThenInvalidClient() throws Exception { // RFC 7517 §4.2
        RSAKey encryption = new RSAKey.Builder(rsaKey.toRSAPublicKey()).keyID("rsa-1").keyUse(KeyUse.ENCRYPTION).build();
        clients.save(clients.findById(new ClientId("keys")).orElseThrow().toBuilder()
                .jwks(new JWKSet(encryption).toString()).build());

        refused(rsa(c -> { }));
    }

    @Test
    void authenticateWhenUnknownKidThenInvalidClient() throws Exception {
        String assertion = signed(new RSASSASigner(rotatedRsaKey), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(),
                claims("keys").build());

        refused(assertion);
    }

    @Test
    void authenticateWhenSignedByOtherKeyThenInvalidClient() throws Exception {
        String assertion = signed(new RSASSASigner(rotatedRsaKey), new JWSHeader(JWSAlgorithm.RS256), claims("keys").build());

        assertEquals("Client authentication failed.", refused(assertion).error().description());
    }

    @Test
    void authenticateWhenClientRegisteredForBasicThenInvalidClient() throws Exception { // OAuth 2.1 §2.4
        assertEquals("Client authentication failed.", refused(rsa("basic", c -> { })).error().description());
    }

    @Test
    void authenticateWhenUnknownClientThenInvalidClient() throws Exception {
        assertEquals("Client authentication failed.", refused(rsa("nobody", c -> { })).error().description());
    }

    @Test
    void authenticateWhenTypHeaderIsAnythingThenStillChecked() throws Exception {
        String assertion = signed(new RSASSASigner(rsaKey),
                new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID("rsa-1").build(), claims("keys").build());

        assertEquals(new ClientId("keys"), authenticate(assertion).registration().id());
    }

    // ---- jwks_uri -------------------------------------------------------------------------------

    @Test
    void authenticateWhenJwksUriServesKeyThenAcceptedAndCached() throws Exception {
        authenticate(rsa("remote", c -> { }));
        authenticate(rsa("remote", c -> { }));

        assertEquals(List.of(JWKS_URI), fetches);
    }

    @Test
    void authenticateWhenJwksUriUnreachableThenInvalidClient() throws Exception {
        remoteJwks = null;

        assertEquals("Client authentication failed.", refused(rsa("remote", c -> { })).error().description());
    }

    @Test
    void authenticateWhenUnknownKidThenRefetchedOnceAfterRefreshInterval() throws Exception { // key rotation
        authenticate(rsa("remote", c -> { }));
        remoteJwks = new JWKSet(List.of(rsaKey.toPublicJWK(), rotatedRsaKey.toPublicJWK())).toString();
        String rotated = signed(new RSASSASigner(rotatedRsaKey), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(),
                claims("remote").build());
        refused(rotated);
        assertEquals(1, fetches.size());

        clock.advance(Duration.ofSeconds(31));
        String fresh = signed(new RSASSASigner(rotatedRsaKey), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-2").build(),
                claims("remote").expirationTime(Date.from(NOW.plusSeconds(120))).build());

        assertEquals(new ClientId("remote"), authenticate(fresh).registration().id());
        assertEquals(2, fetches.size());
    }

    @Test
    void authenticateWhenJwksUriFailsAfterCachingThenCachedSetServes() throws Exception {
        authenticate(rsa("remote", c -> { }));
        clock.advance(Duration.ofMinutes(6));
        remoteJwks = null;
        String later = signed(new RSASSASigner(rsaKey), new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(),
                claims("remote").expirationTime(Date.from(NOW.plus(Duration.ofMinutes(7)))).build());

        assertEquals(new ClientId("remote"), authenticate(later).registration().id());
    }

    // ---- client_secret_jwt ----------------------------------------------------------------------

    @Test
    void authenticateWhenHs256WithSecretThenClientSecretJwt() throws Exception { // OIDC Core §9
        AuthenticatedClient client = authenticate(hmac(JWSAlgorithm.HS256, SECRET));

        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_JWT, client.method());
    }

    @Test
    void authenticateWhenHs384WithSecretThenClientSecretJwt() throws Exception {
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_JWT, authenticate(hmac(JWSAlgorithm.HS384, SECRET)).method());
    }

    @Test
    void authenticateWhenHs512WithShortSecretThenInvalidClient() throws Exception { // RFC 7518 §3.2
        byte[] key = (SECRET.value() + SECRET.value()).substring(0, 64).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String assertion = signed(new MACSigner(key), new JWSHeader(JWSAlgorithm.HS512), claims("hmac").build());

        assertEquals("The client secret is too short for this algorithm.", refused(assertion).error().description());
    }

    @Test
    void authenticateWhenHmacWithWrongSecretThenInvalidClient() throws Exception {
        String assertion = hmac(JWSAlgorithm.HS256, new ClientSecret("another-secret-of-at-least-32-bytes!!"));

        assertEquals("Client authentication failed.", refused(assertion).error().description());
    }

    @Test
    void authenticateWhenHmacClientSendsRs256ThenInvalidClient() throws Exception {
        assertEquals("Client authentication failed.", refused(rsa("hmac", c -> { })).error().description());
    }

    @Test
    void authenticateWhenClientSecretJwtWithoutSealedSecretThenInvalidClient() throws Exception {
        clients.save(TestClients.confidential("hmac").authenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_JWT).build());

        assertEquals("Client authentication failed.", refused(hmac(JWSAlgorithm.HS256, SECRET)).error().description());
    }

    @Test
    void authenticateWhenNoVerifierThenAssertionRefused() throws Exception {
        ClientAuthenticator plain = new ClientAuthenticator(clients, new Pbkdf2SecretHasher(random, 1000),
                new SecretVerificationCache(random, 10));
        ClientCredentials credentials = new ClientCredentials.JwtAssertion(ClientAssertion.parse(
                Optional.of(ClientAssertion.JWT_BEARER_TYPE), rsa(c -> { }), Optional.empty()));

        OAuthException thrown = assertThrows(OAuthException.class, () -> plain.authenticate(credentials));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
    }
}
