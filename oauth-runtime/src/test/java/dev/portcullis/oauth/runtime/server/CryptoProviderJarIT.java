package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crypto.provider} end to end, on the shaded jar as an operator runs it: one JVM per run, since
 * the provider list is JVM-global. Each run names its provider in the start log, issues RS256, PS256,
 * ES256 and EdDSA access tokens that verify over the published JWKS with the JDK's own providers
 * (and Google Tink for EdDSA, as Nimbus verifies it), accepts EdDSA and ES256 client assertions, and
 * introspects as active the tokens signed before it, by the other provider, with the same stored keys.
 */
class CryptoProviderJarIT {

    private static final String SECRET = "crypto-test-secret-0123456789";
    private static final List<JWSAlgorithm> ALGORITHMS =
            List.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA);
    private static final Pattern STARTED = Pattern.compile("Portcullis started: issuer=(\\S+)");
    /** ACCP's own switch to skip its bundled native library: as on a platform it has no build for. */
    private static final String ACCP_UNAVAILABLE = "-Dcom.amazon.corretto.crypto.provider.useExternalLib=true";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final OctetKeyPair partnerEd = generateEd25519("partner-ed");
    private final ECKey partnerEc = generateP256("partner-ec");

    @TempDir
    Path dir;

    @Test
    void serveWhenJdkThenAutoOnTheSameKeysThenEveryAlgorithmSignsAndVerifiesAcrossProviders() throws Exception {
        int port = FreePorts.next();
        Map<JWSAlgorithm, String> signedByJdk;
        try (RunningJar jar = RunningJar.start(dir, env(port, "jdk"), List.of())) {
            jar.awaitLine(STARTED);
            assertTrue(jar.output().contains("crypto provider: JDK (crypto.provider=jdk)"), jar.output());
            signedByJdk = issueAndVerifyEveryAlgorithm(port);
            assertAssertionsAccepted(port);
            jar.terminate();
        }

        try (RunningJar jar = RunningJar.start(dir, env(port, "auto"), List.of())) {
            jar.awaitLine(STARTED);
            assertTrue(jar.output().contains("crypto provider: ACCP 2.5.0 (native)"), jar.output());
            Map<JWSAlgorithm, String> signedByAccp = issueAndVerifyEveryAlgorithm(port);
            assertAssertionsAccepted(port);
            for (JWSAlgorithm algorithm : ALGORITHMS) {
                // The keys the JDK run made and stored (AES-GCM under the master key) now sign through ACCP.
                assertEquals(kid(signedByJdk.get(algorithm)), kid(signedByAccp.get(algorithm)), algorithm.getName());
                assertTrue(introspect(port, signedByJdk.get(algorithm)).get("active").asBoolean(), algorithm.getName());
            }
            jar.terminate();
        }
    }

    @Test
    void serveWhenAutoAndAccpCannotLoadThenJdkSignsEveryAlgorithmAndTheLogSaysWhy() throws Exception {
        int port = FreePorts.next();
        try (RunningJar jar = RunningJar.start(dir, env(port, "auto"), List.of(ACCP_UNAVAILABLE))) {
            jar.awaitLine(STARTED);
            assertTrue(jar.output().contains("crypto provider: JDK (ACCP unavailable: "), jar.output());
            Map<JWSAlgorithm, String> tokens = issueAndVerifyEveryAlgorithm(port);
            assertAssertionsAccepted(port);
            assertTrue(introspect(port, tokens.get(JWSAlgorithm.EdDSA)).get("active").asBoolean());
            jar.terminate();
        }
    }

    @Test
    void serveWhenNativeAndAccpCannotLoadThenExitTwoNamingTheKey() throws Exception {
        try (RunningJar jar = RunningJar.start(dir, env(FreePorts.next(), "native"), List.of(ACCP_UNAVAILABLE))) {
            int code = jar.awaitExit();

            assertEquals(2, code, jar.output());
            assertTrue(jar.output().contains("Configuration error: PORTCULLIS_CRYPTO_PROVIDER: is native, but the "
                    + "native crypto provider (ACCP) cannot be used on this platform: "), jar.output());
        }
    }

    private Map<String, String> env(int port, String provider) throws IOException {
        Path config = dir.resolve("portcullis.yaml");
        Files.writeString(config, """
                scopes:
                  - name: orders:read
                clients:
                  - {client_id: rs256, client_secret: %1$s, grant_types: [client_credentials], scope: orders:read, access_token_signed_response_alg: RS256}
                  - {client_id: ps256, client_secret: %1$s, grant_types: [client_credentials], scope: orders:read, access_token_signed_response_alg: PS256}
                  - {client_id: es256, client_secret: %1$s, grant_types: [client_credentials], scope: orders:read, access_token_signed_response_alg: ES256}
                  - {client_id: eddsa, client_secret: %1$s, grant_types: [client_credentials], scope: orders:read, access_token_signed_response_alg: EdDSA}
                  - {client_id: partner-ed, token_endpoint_auth_method: private_key_jwt, jwks: %2$s, grant_types: [client_credentials], scope: orders:read}
                  - {client_id: partner-ec, token_endpoint_auth_method: private_key_jwt, jwks: %3$s, grant_types: [client_credentials], scope: orders:read}
                  - {client_id: orders-api, client_secret: %1$s}
                resources:
                  - identifier: https://api.example.com/orders
                    scope: orders:read
                    introspection_clients: [orders-api]
                """.formatted(SECRET, new JWKSet(partnerEd.toPublicJWK()), new JWKSet(partnerEc.toPublicJWK())));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PORTCULLIS_HTTP_PORT", Integer.toString(port));
        env.put("PORTCULLIS_CONFIG", config.toString());
        env.put("PORTCULLIS_CRYPTO_PROVIDER", provider);
        return env;
    }

    /** One access token per algorithm, each checked against the published JWKS; by algorithm. */
    private Map<JWSAlgorithm, String> issueAndVerifyEveryAlgorithm(int port) throws Exception {
        JWKSet published = JWKSet.parse(get(port, "/jwks"));
        Map<JWSAlgorithm, String> tokens = new LinkedHashMap<>();
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            String clientId = algorithm.getName().toLowerCase(Locale.ROOT);
            String token = token(port, Optional.of(basic(clientId)), "grant_type=client_credentials");
            SignedJWT jwt = SignedJWT.parse(token);
            assertEquals(algorithm, jwt.getHeader().getAlgorithm());
            assertEquals(new JOSEObjectType("at+jwt"), jwt.getHeader().getType()); // RFC 9068 §2.1
            JWK key = published.getKeyByKeyId(jwt.getHeader().getKeyID());
            assertEquals(algorithm.getName(), key.getAlgorithm().getName()); // RFC 8725 §3.1
            assertTrue(jwt.verify(jdkVerifier(key)), algorithm.getName());
            assertEquals(clientId, jwt.getJWTClaimsSet().getStringClaim("client_id"));
            tokens.put(algorithm, token);
        }
        return tokens;
    }

    /** A Nimbus verifier that uses the JDK's own provider (Tink for Ed25519), whatever this JVM installed first. */
    private static JWSVerifier jdkVerifier(JWK key) throws JOSEException {
        if (key instanceof OctetKeyPair okp) {
            return new Ed25519Verifier(okp);
        }
        JWSVerifier verifier = key instanceof ECKey ec ? new ECDSAVerifier(ec) : new RSASSAVerifier(key.toRSAKey());
        verifier.getJCAContext().setProvider(Security.getProvider(key instanceof ECKey ? "SunEC" : "SunRsaSign"));
        return verifier;
    }

    /** RFC 7523 §2.2: an EdDSA and an ES256 client assertion, each verified by the server with its provider. */
    private void assertAssertionsAccepted(int port) throws Exception {
        assertAssertionAccepted(port, "partner-ed", JWSAlgorithm.EdDSA, new Ed25519Signer(partnerEd));
        assertAssertionAccepted(port, "partner-ec", JWSAlgorithm.ES256, new ECDSASigner(partnerEc));
    }

    private void assertAssertionAccepted(int port, String clientId, JWSAlgorithm algorithm, JWSSigner signer)
            throws Exception {
        SignedJWT assertion = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(clientId).build(),
                new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                        .audience("http://localhost:" + port + "/token").jwtID(UUID.randomUUID().toString())
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(60))).build());
        assertion.sign(signer);

        String token = token(port, Optional.empty(), "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion.serialize());

        assertEquals(clientId, SignedJWT.parse(token).getJWTClaimsSet().getStringClaim("client_id"), algorithm.getName());
    }

    private JsonNode introspect(int port, String token) throws Exception { // RFC 7662 §2
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/introspect"))
                .header("Authorization", basic("orders-api"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private String token(int port, Optional<String> authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        authorization.ifPresent(value -> request.header("Authorization", value));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body()).get("access_token").asText();
    }

    private String get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static String basic(String clientId) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    }

    private static String kid(String jwt) throws Exception {
        return SignedJWT.parse(jwt).getHeader().getKeyID();
    }

    private static OctetKeyPair generateEd25519(String kid) {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECKey generateP256(String kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
