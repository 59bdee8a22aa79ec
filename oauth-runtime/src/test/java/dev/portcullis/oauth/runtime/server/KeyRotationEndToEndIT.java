package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.portcullis.oauth.application.job.JobRun;
import dev.portcullis.oauth.application.key.RotationOutcome;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real server on PostgreSQL, its clock moved by the test, verified the way a resource server
 * does: Nimbus {@link DefaultJWTProcessor} over the published JWKS. A manual rotation publishes a
 * next key first; once it signs, a verifier that cached JWKS before the switch still verifies every
 * token, old and new. A client that asks for EdDSA gets Ed25519-signed tokens (RFC 8037).
 */
class KeyRotationEndToEndIT {

    private static final String SECRET = "rotation-secret-0123456789";
    /** RFC 8410 §4: the DER prefix of an Ed25519 SubjectPublicKeyInfo before its 32-byte key. */
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static MutableClock clock;
    private static TestInstance instance;

    @BeforeAll
    static void start() {
        // The server's clock starts now, so that tokens are valid for a verifier on the real clock too.
        clock = new MutableClock(Instant.now());
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: api
                clients:
                  - client_id: rs-client
                    client_secret: %s
                    grant_types: [client_credentials]
                    scope: api
                  - client_id: ed-client
                    client_secret: %s
                    grant_types: [client_credentials]
                    scope: api
                    access_token_signed_response_alg: EdDSA
                """.formatted(SECRET, SECRET), clock, Map.of("PORTCULLIS_KEY_PUBLICATION_LEAD", "600"));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void rotateWhenVerifierCachedJwksBeforeTheSwitchThenOldAndNewTokensVerify() throws Exception {
        String before = token("rs-client");
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        RotationOutcome outcome = instance.server().core().rotateSigningKeys().rotate(SigningAlgorithm.RS256);
        JWKSet cachedAfterPublication = jwks();
        clock.advance(Duration.ofSeconds(600));
        JobRun run = instance.server().jobs().runOnce("signing-key-rotation");
        String after = token("rs-client");

        assertEquals(RotationOutcome.Status.SCHEDULED, outcome.status());
        assertTrue(kids(cachedAfterPublication).containsAll(Set.of(oldKid, outcome.nextKey().value())),
                "the next key is published beside the current one before it signs");
        assertEquals(JobRun.Outcome.COMPLETED, run.outcome());
        assertEquals(outcome.nextKey().value(), SignedJWT.parse(after).getHeader().getKeyID());
        assertNotEquals(oldKid, outcome.nextKey().value());
        // A verifier that never refreshed its copy since the next key was published:
        DefaultJWTProcessor<SecurityContext> cached = processor(new ImmutableJWKSet<>(cachedAfterPublication));
        assertEquals("rs-client", cached.process(after, null).getSubject());
        assertEquals("rs-client", cached.process(before, null).getSubject());
        // A verifier reading jwks_uri now: the retired key is still published.
        DefaultJWTProcessor<SecurityContext> remote = processor(
                JWKSourceBuilder.<SecurityContext>create(new URL(instance.issuer() + "/jwks")).build());
        assertEquals("rs-client", remote.process(before, null).getSubject());
        assertEquals("rs-client", remote.process(after, null).getSubject());
    }

    @Test
    void tokenWhenClientAsksForEdDsaThenEd25519SignedAndVerifiesFromJwks() throws Exception { // RFC 8037 §3.1
        String token = token("ed-client");

        JWSHeader header = SignedJWT.parse(token).getHeader();
        JWTClaimsSet claims = processor(JWKSourceBuilder.<SecurityContext>create(new URL(instance.issuer() + "/jwks")).build())
                .process(token, null);

        assertEquals(JWSAlgorithm.EdDSA, header.getAlgorithm());
        assertEquals("ed-client", claims.getSubject());
        JWK published = jwks().getKeyByKeyId(header.getKeyID());
        assertEquals(Curve.Ed25519, ((OctetKeyPair) published).getCurve());
        assertTrue(!published.isPrivate());
    }

    @Test
    void jobsWhenServerRunsThenEveryJobRecordsItsLastRun() {
        List<String> names = instance.server().jobs().jobNames();

        names.forEach(name -> instance.server().jobs().runOnce(name));

        assertEquals(List.of("prune-authorization-codes", "prune-browser-sessions", "prune-client-assertion-jtis",
                "prune-opaque-access-tokens", "prune-pending-authorizations", "prune-refresh-tokens", "prune-revoked-access-tokens",
                "revoked-access-token-refresh", "signing-key-refresh", "signing-key-rotation"),
                names);
        assertEquals(Set.copyOf(names), instance.server().jobs().lastRuns().keySet());
        assertTrue(instance.server().jobs().lastRuns().values().stream()
                .allMatch(r -> r.outcome() == JobRun.Outcome.COMPLETED), instance.server().jobs().lastRuns()::toString);
    }

    /** RFC 9068 §4: signature by a published key, typ at+jwt, iss, exp; EdDSA keys verified with Tink. */
    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("at+jwt")));
        processor.setJWSKeySelector(keySelector(keys));
        processor.setJWSVerifierFactory(new Ed25519AwareVerifierFactory());
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                new JWTClaimsSet.Builder().issuer(instance.issuer().toString()).build(), Set.of("exp", "sub")));
        return processor;
    }

    /** Nimbus's own selector turns JWKs into JCA keys, which it cannot do for OKP keys; this one can. */
    private static JWSKeySelector<SecurityContext> keySelector(JWKSource<SecurityContext> keys) {
        return (header, context) -> {
            Set<JWSAlgorithm> accepted = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.EdDSA);
            if (!accepted.contains(header.getAlgorithm())) {
                return List.of();
            }
            List<Key> found = new ArrayList<>();
            for (JWK jwk : keys.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), context)) {
                try {
                    found.add(jwk instanceof OctetKeyPair okp ? ed25519PublicKey(okp) : ((AsymmetricJWK) jwk).toPublicKey());
                } catch (JOSEException e) {
                    throw new KeySourceException("published key unusable", e);
                }
            }
            return found;
        };
    }

    private static Key ed25519PublicKey(OctetKeyPair okp) {
        try {
            byte[] x = okp.getX().decode();
            byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + x.length);
            System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, x.length);
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Nimbus's verifier factory for everything but EdDSA, which it leaves to Tink's Ed25519Verifier. */
    private static final class Ed25519AwareVerifierFactory implements JWSVerifierFactory {
        private final DefaultJWSVerifierFactory standard = new DefaultJWSVerifierFactory();

        @Override
        public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
            if (JWSAlgorithm.EdDSA.equals(header.getAlgorithm()) && key instanceof EdECPublicKey edKey) {
                byte[] encoded = edKey.getEncoded();
                Base64URL x = Base64URL.encode(Arrays.copyOfRange(encoded, ED25519_SPKI_PREFIX.length, encoded.length));
                return new Ed25519Verifier(new OctetKeyPair.Builder(Curve.Ed25519, x).build());
            }
            return standard.createJWSVerifier(header, key);
        }

        @Override
        public com.nimbusds.jose.jca.JCAContext getJCAContext() {
            return standard.getJCAContext();
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return Set.of(JWSAlgorithm.RS256, JWSAlgorithm.EdDSA);
        }
    }

    private static String token(String clientId) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instance.issuer() + "/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return com.nimbusds.jose.util.JSONObjectUtils.parse(response.body()).get("access_token").toString();
    }

    private static JWKSet jwks() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instance.issuer() + "/jwks")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JWKSet.parse(response.body());
    }

    private static Set<String> kids(JWKSet set) {
        return set.getKeys().stream().map(JWK::getKeyID).collect(Collectors.toSet());
    }
}
