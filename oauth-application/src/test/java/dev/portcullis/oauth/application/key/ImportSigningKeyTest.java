package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImportSigningKeyTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final KeyRotationPolicy POLICY =
            new KeyRotationPolicy(Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(10));
    private static final Set<SigningAlgorithm> ALGORITHMS =
            EnumSet.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256, SigningAlgorithm.EDDSA);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final LocalJobLock lock = new LocalJobLock();
    private SigningKeyRing ring;
    private ImportSigningKey importKey;
    private MaintainSigningKeys maintain;

    @BeforeEach
    void setUp() {
        SecureRandom random = new SecureRandom();
        PrivateKeyCipher cipher = new PrivateKeyCipher(TestKeyRings.MASTER_KEY, random);
        ring = new SigningKeyRing(repository, cipher,
                new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(random), clock));
        ring.ensureCurrentKeys(ALGORITHMS);
        importKey = new ImportSigningKey(ring, lock);
        maintain = new MaintainSigningKeys(ring, POLICY, new InMemoryClientRepository(), ALGORITHMS, clock, lock);
    }

    @Test
    void importKeyWhenPrivateJwkAsNextThenKidKeptPublishedAndSignsAfterLeadTime() throws Exception {
        RSAKey old = new RSAKeyGenerator(2048).keyID("legacy-2025").generate();

        SigningKey stored = importKey.importKey(new KeyImport(old.toJSONString(), SigningAlgorithm.RS256,
                Optional.empty(), KeyState.NEXT));
        clock.advance(POLICY.publicationLead());
        maintain.run();

        assertEquals(new KeyId("legacy-2025"), stored.id());
        assertTrue(JWKSet.parse(ring.publicJwks()).getKeyByKeyId("legacy-2025") != null);
        SignedJWT jwt = SignedJWT.parse(new NimbusTokenSigner(ring).sign(SigningAlgorithm.RS256, "at+jwt", Map.of("sub", "s")));
        assertEquals("legacy-2025", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(old.toPublicJWK())), "tokens verify with the old server's public key");
    }

    @Test
    void importKeyWhenRetiredThenPublishedButNeverSigns() throws Exception {
        ECKey old = new ECKeyGenerator(Curve.P_256).keyID("old-ec").generate();

        importKey.importKey(new KeyImport(old.toJSONString(), SigningAlgorithm.ES256, Optional.empty(), KeyState.RETIRED));
        maintain.run();

        assertTrue(JWKSet.parse(ring.publicJwks()).getKeyByKeyId("old-ec") != null);
        SignedJWT jwt = SignedJWT.parse(new NimbusTokenSigner(ring).sign(SigningAlgorithm.ES256, "at+jwt", Map.of("sub", "s")));
        assertFalse("old-ec".equals(jwt.getHeader().getKeyID()));
        assertEquals(Optional.of(T0), repository.findById(new KeyId("old-ec")).orElseThrow().retiredAt());
    }

    @Test
    void importKeyWhenNextKeyExistsThenImportedKeyReplacesIt() {
        RotationOutcome generated = new RotateSigningKeys(ring, POLICY, new InMemoryClientRepository(), ALGORITHMS, clock, lock)
                .rotate(SigningAlgorithm.ES256);
        String jwk = generate(() -> new ECKeyGenerator(Curve.P_256).keyID("imported").generate().toJSONString());

        importKey.importKey(new KeyImport(jwk, SigningAlgorithm.ES256, Optional.empty(), KeyState.NEXT));

        assertEquals(Optional.empty(), repository.findById(generated.nextKey()));
        assertEquals(KeyState.NEXT, repository.findById(new KeyId("imported")).orElseThrow().state());
    }

    @Test
    void importKeyWhenPemRsaPkcs8ThenPublicKeyDerivedAndKidGiven() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());

        importKey.importKey(new KeyImport(pem, SigningAlgorithm.RS256, Optional.of(new KeyId("pem-rsa")), KeyState.NEXT));
        clock.advance(POLICY.publicationLead());
        maintain.run();

        SignedJWT jwt = SignedJWT.parse(new NimbusTokenSigner(ring).sign(SigningAlgorithm.RS256, "at+jwt", Map.of("sub", "s")));
        assertEquals("pem-rsa", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier((java.security.interfaces.RSAPublicKey) pair.getPublic())));
    }

    @Test
    void importKeyWhenPemEcWithPublicKeyThenSigns() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());

        importKey.importKey(new KeyImport(pem, SigningAlgorithm.ES256, Optional.of(new KeyId("pem-ec")), KeyState.NEXT));
        clock.advance(POLICY.publicationLead());
        maintain.run();

        SignedJWT jwt = SignedJWT.parse(new NimbusTokenSigner(ring).sign(SigningAlgorithm.ES256, "at+jwt", Map.of("sub", "s")));
        assertEquals("pem-ec", jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new ECDSAVerifier((java.security.interfaces.ECPublicKey) pair.getPublic())));
    }

    @Test
    void importKeyWhenPemEd25519WithPublicKeyThenSigns() throws Exception { // RFC 8410
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());

        importKey.importKey(new KeyImport(pem, SigningAlgorithm.EDDSA, Optional.of(new KeyId("pem-ed")), KeyState.NEXT));
        clock.advance(POLICY.publicationLead());
        maintain.run();

        SignedJWT jwt = SignedJWT.parse(new NimbusTokenSigner(ring).sign(SigningAlgorithm.EDDSA, "at+jwt", Map.of("sub", "s")));
        assertEquals("pem-ed", jwt.getHeader().getKeyID());
        OctetKeyPair published = (OctetKeyPair) JWKSet.parse(ring.publicJwks()).getKeyByKeyId("pem-ed");
        assertTrue(jwt.verify(new Ed25519Verifier(published)));
        assertEquals(JWSAlgorithm.EdDSA, jwt.getHeader().getAlgorithm());
    }

    @Test
    void importKeyWhenPublicJwkOnlyThenRefused() {
        String jwk = generate(() -> new ECKeyGenerator(Curve.P_256).keyID("pub").generate().toPublicJWK().toJSONString());

        assertRefused(new KeyImport(jwk, SigningAlgorithm.ES256, Optional.empty(), KeyState.NEXT),
                "the JWK has no private part");
    }

    @Test
    void importKeyWhenAlgorithmDoesNotFitKeyTypeThenRefused() {
        String jwk = generate(() -> new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toJSONString());

        assertRefused(new KeyImport(jwk, SigningAlgorithm.RS256, Optional.empty(), KeyState.NEXT),
                "the key is not a RSA key for RS256");
    }

    @Test
    void importKeyWhenJwkAlgDisagreesThenRefused() {
        String jwk = generate(() -> new ECKeyGenerator(Curve.P_256).keyID("ec").algorithm(JWSAlgorithm.ES384).generate()
                .toJSONString());

        assertRefused(new KeyImport(jwk, SigningAlgorithm.ES256, Optional.empty(), KeyState.NEXT),
                "the JWK's alg does not match the algorithm ES256");
    }

    @Test
    void importKeyWhenRsaShorterThan2048BitsThenRefused() { // RFC 7518 §3.3
        String jwk = generate(() -> new RSAKeyGenerator(1024, true).keyID("short").generate().toJSONString());

        assertRefused(new KeyImport(jwk, SigningAlgorithm.RS256, Optional.empty(), KeyState.NEXT),
                "an RSA key must have at least 2048 bits (RFC 7518 §3.3)");
    }

    @Test
    void importKeyWhenHalvesDoNotBelongTogetherThenRefused() {
        ECKey one = generate(() -> new ECKeyGenerator(Curve.P_256).keyID("one").generate());
        ECKey two = generate(() -> new ECKeyGenerator(Curve.P_256).keyID("one").generate());
        String mixed = generate(() -> new ECKey.Builder(two.toPublicJWK()).d(one.getD()).build().toJSONString());

        assertRefused(new KeyImport(mixed, SigningAlgorithm.ES256, Optional.empty(), KeyState.NEXT),
                "the key's private and public parts do not belong together");
    }

    @Test
    void importKeyWhenPemWithoutKidThenRefused() throws Exception {
        String pem = pem("PRIVATE KEY", KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate().getEncoded());

        assertRefused(new KeyImport(pem, SigningAlgorithm.RS256, Optional.empty(), KeyState.NEXT), "a PEM key needs a kid");
    }

    @Test
    void importKeyWhenPkcs1PemThenRefusedWithConversionHint() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n";

        assertRefused(new KeyImport(pem, SigningAlgorithm.RS256, Optional.of(new KeyId("k")), KeyState.NEXT),
                "the PEM key must be PKCS#8 (BEGIN PRIVATE KEY); convert it with: openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void importKeyWhenPemEcWithoutPublicBlockThenRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        String pem = pem("PRIVATE KEY", generator.generateKeyPair().getPrivate().getEncoded());

        assertRefused(new KeyImport(pem, SigningAlgorithm.ES256, Optional.of(new KeyId("k")), KeyState.NEXT),
                "a PEM EC key needs its PUBLIC KEY block too");
    }

    @Test
    void importKeyWhenNotAKeyThenRefusedWithoutEchoingIt() {
        assertRefused(new KeyImport("{\"secret\":\"do-not-echo\"}", SigningAlgorithm.RS256, Optional.empty(), KeyState.NEXT),
                "the key is not a valid JWK (RFC 7517)");
    }

    @Test
    void importKeyWhenKidExistsThenRefusedAndStoredKeyKept() {
        KeyId current = ring.currentKeyId(SigningAlgorithm.ES256).orElseThrow();
        String jwk = generate(() -> new ECKeyGenerator(Curve.P_256).keyID(current.value()).generate().toJSONString());
        SigningKey before = repository.findById(current).orElseThrow();

        assertRefused(new KeyImport(jwk, SigningAlgorithm.ES256, Optional.empty(), KeyState.NEXT),
                "a signing key with this kid exists");

        assertEquals(before, repository.findById(current).orElseThrow());
    }

    @Test
    void keyImportWhenCurrentThenRefusedAndToStringRedacted() {
        assertThrows(IllegalArgumentException.class,
                () -> new KeyImport("{}", SigningAlgorithm.RS256, Optional.empty(), KeyState.CURRENT));
        KeyImport request = new KeyImport("{\"d\":\"secret\"}", SigningAlgorithm.RS256, Optional.empty(), KeyState.NEXT);

        assertFalse(request.toString().contains("secret"));
    }

    private void assertRefused(KeyImport request, String message) {
        int before = repository.findAll().size();

        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> importKey.importKey(request));

        assertEquals(message, thrown.getMessage());
        assertEquals(before, repository.findAll().size());
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private interface Generation<T> {
        T get() throws Exception;
    }

    private static <T> T generate(Generation<T> generation) {
        try {
            return generation.get();
        } catch (Exception e) { // test set-up only
            throw new IllegalStateException(e);
        }
    }
}
