package dev.portcullis.oauth.application.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.oauth.application.jose.JcaEd25519Verifier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssertionVerifiersTest {

    private final AssertionVerifiers verifiers = new AssertionVerifiers(10);

    @Test
    void ofWhenSameKeyAgainThenTheVerifierBuiltTheFirstTime() throws Exception {
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK();

        JWSVerifier first = verifiers.of(key).orElseThrow();

        assertSame(first, verifiers.of(key).orElseThrow());
    }

    @Test
    void ofWhenEqualKeyParsedAgainThenTheSameVerifier() throws Exception { // a jwks_uri fetched again
        ECKey key = new ECKeyGenerator(Curve.P_256).keyID("ec").generate().toPublicJWK();
        JWSVerifier first = verifiers.of(key).orElseThrow();

        JWK parsedAgain = JWK.parse(key.toJSONString());

        assertSame(first, verifiers.of(parsedAgain).orElseThrow());
    }

    @Test
    void ofWhenEd25519KeyThenJcaVerifier() throws Exception { // RFC 8037 §3.1
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed").generate().toPublicJWK();

        assertInstanceOf(JcaEd25519Verifier.class, verifiers.of(key).orElseThrow());
    }

    @Test
    void ofWhenRsaKeyTooShortThenEmpty() throws Exception { // RFC 7518 §3.3: 2048 bits or more
        JWK key = new RSAKeyGenerator(1024, true).keyID("short").generate().toPublicJWK();

        Optional<JWSVerifier> verifier = verifiers.of(key);

        assertTrue(verifier.isEmpty());
    }

    @Test
    void ofWhenFullThenStartsAgain() throws Exception {
        AssertionVerifiers one = new AssertionVerifiers(1);
        ECKey first = new ECKeyGenerator(Curve.P_256).keyID("a").generate().toPublicJWK();
        ECKey second = new ECKeyGenerator(Curve.P_256).keyID("b").generate().toPublicJWK();
        JWSVerifier before = one.of(first).orElseThrow();

        one.of(second);

        assertNotSame(before, one.of(first).orElseThrow());
    }
}
