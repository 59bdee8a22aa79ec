package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NimbusTokenSignerTest {

    private static final Map<String, Object> CLAIMS = Map.of("iss", "https://as.example.com", "sub", "client-1");

    /** Made once for the class: the tests only read the keys, and RSA keys are slow to make. */
    private static final InMemorySigningKeyRepository REPOSITORY = new InMemorySigningKeyRepository();
    private static final SigningKeyRing RING = TestKeyRings.ring(REPOSITORY);

    private final NimbusTokenSigner signer = new NimbusTokenSigner(RING);

    @BeforeAll
    static void generateKeys() {
        RING.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256, SigningAlgorithm.PS256,
                SigningAlgorithm.EDDSA));
    }

    @Test
    void signWhenRs256ThenVerifiesWithPublishedRsaKey() throws Exception { // RFC 7518 §3.3
        JWSObject jws = JWSObject.parse(signer.sign(SigningAlgorithm.RS256, "at+jwt", CLAIMS));

        boolean verified = jws.verify(new RSASSAVerifier(publishedKey(jws).toRSAKey()));

        assertTrue(verified);
        assertEquals(JWSAlgorithm.RS256, jws.getHeader().getAlgorithm());
    }

    @Test
    void signWhenPs256ThenVerifiesWithPublishedRsaKey() throws Exception { // RFC 7518 §3.5
        JWSObject jws = JWSObject.parse(signer.sign(SigningAlgorithm.PS256, "at+jwt", CLAIMS));

        boolean verified = jws.verify(new RSASSAVerifier(publishedKey(jws).toRSAKey()));

        assertTrue(verified);
        assertEquals(JWSAlgorithm.PS256, jws.getHeader().getAlgorithm());
    }

    @Test
    void signWhenEs256ThenVerifiesWithPublishedEcKey() throws Exception { // RFC 7518 §3.4
        JWSObject jws = JWSObject.parse(signer.sign(SigningAlgorithm.ES256, "at+jwt", CLAIMS));

        boolean verified = jws.verify(new ECDSAVerifier(publishedKey(jws).toECKey()));

        assertTrue(verified);
        assertEquals(JWSAlgorithm.ES256, jws.getHeader().getAlgorithm());
    }

    @Test
    void signWhenEdDsaThenNimbusTinkVerifierAcceptsWithPublishedKey() throws Exception { // RFC 8037 §3.1
        JWSObject jws = JWSObject.parse(signer.sign(SigningAlgorithm.EDDSA, "at+jwt", CLAIMS));

        // The ring signs Ed25519 through the JCA; Nimbus verifies through Tink: the two must agree.
        boolean verified = jws.verify(new Ed25519Verifier(publishedKey(jws).toOctetKeyPair()));

        assertTrue(verified);
        assertEquals(JWSAlgorithm.EdDSA, jws.getHeader().getAlgorithm());
    }

    @Test
    void signWhenCalledThenHeaderKidIsCurrentKeyOfAlgorithm() { // RFC 7515 §4.1.4
        String kid = REPOSITORY.findAll().stream().filter(key -> key.algorithm() == SigningAlgorithm.ES256)
                .map(SigningKey::id).findFirst().orElseThrow().value();

        JWSObject jws = parse(signer.sign(SigningAlgorithm.ES256, "at+jwt", CLAIMS));

        assertEquals(kid, jws.getHeader().getKeyID());
    }

    @Test
    void signWhenTypeGivenThenTypHeader() { // RFC 9068 §2.1
        JWSObject jws = parse(signer.sign(SigningAlgorithm.RS256, "at+jwt", CLAIMS));

        assertEquals(new JOSEObjectType("at+jwt"), jws.getHeader().getType());
    }

    @Test
    void signWhenCalledThenPayloadIsClaims() {
        JWSObject jws = parse(signer.sign(SigningAlgorithm.RS256, "at+jwt", CLAIMS));

        assertEquals(CLAIMS, jws.getPayload().toJSONObject());
    }

    @Test
    void signWhenTypesAlternateThenEachTokenCarriesItsOwnTyp() { // RFC 7515 §4.1.9: one encoded header per type
        for (int i = 0; i < 3; i++) {
            assertEquals(new JOSEObjectType("at+jwt"),
                    parse(signer.sign(SigningAlgorithm.ES256, "at+jwt", CLAIMS)).getHeader().getType());
            assertEquals(JOSEObjectType.JWT,
                    parse(signer.sign(SigningAlgorithm.ES256, "JWT", CLAIMS)).getHeader().getType());
        }
    }

    @Test
    void signWhenManyTypesThenEveryHeaderStillNamesItsType() { // beyond the cached types, encoded per call
        for (int i = 0; i < 20; i++) {
            String type = "type-" + i + "+jwt";
            assertEquals(new JOSEObjectType(type), parse(signer.sign(SigningAlgorithm.RS256, type, CLAIMS)).getHeader().getType());
        }
    }

    @Test
    void signWhenCurrentKeyReplacedThenHeaderNamesTheNewKey() { // RFC 7515 §4.1.4: kid follows rotation
        InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
        SigningKeyRing ring = TestKeyRings.ring(repository);
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        NimbusTokenSigner rotating = new NimbusTokenSigner(ring);
        String before = parse(rotating.sign(SigningAlgorithm.ES256, "at+jwt", CLAIMS)).getHeader().getKeyID();

        SigningKey old = repository.findAll().get(0);
        repository.delete(old.id());
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        String after = parse(rotating.sign(SigningAlgorithm.ES256, "at+jwt", CLAIMS)).getHeader().getKeyID();

        assertEquals(old.id().value(), before);
        assertEquals(repository.findAll().get(0).id().value(), after);
        assertTrue(!before.equals(after), "the new key's id, not the cached header of the old key");
    }

    @Test
    void signWhenNoCurrentKeyForAlgorithmThenIllegalState() {
        NimbusTokenSigner empty = new NimbusTokenSigner(TestKeyRings.ring(new InMemorySigningKeyRepository()));

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> empty.sign(SigningAlgorithm.RS256, "at+jwt", CLAIMS));

        assertEquals("no current signing key for RS256", thrown.getMessage());
    }

    private static JWK publishedKey(JWSObject jws) throws Exception {
        return JWKSet.parse(RING.publicJwks()).getKeyByKeyId(jws.getHeader().getKeyID());
    }

    private static JWSObject parse(String compact) {
        try {
            return JWSObject.parse(compact);
        } catch (ParseException e) {
            throw new AssertionError(e);
        }
    }
}
