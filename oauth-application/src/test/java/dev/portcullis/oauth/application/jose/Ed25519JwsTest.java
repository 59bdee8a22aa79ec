package dev.portcullis.oauth.application.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import org.junit.jupiter.api.Test;

class Ed25519JwsTest {

    @Test
    void jcaHasEd25519WhenJava17ThenTrue() { // JEP 339: SunEC has had Ed25519 since Java 15
        assertTrue(Ed25519Jws.jcaHasEd25519());
    }

    @Test
    void signerWhenJcaHasEd25519ThenJcaSigner() throws Exception {
        assertInstanceOf(JcaEd25519Signer.class, Ed25519Jws.signer(Rfc8037Example.KEY));
    }

    @Test
    void verifierWhenJcaHasEd25519ThenJcaVerifier() throws Exception {
        assertInstanceOf(JcaEd25519Verifier.class, Ed25519Jws.verifier(Rfc8037Example.KEY.toPublicJWK()));
    }

    @Test
    void signerWhenJcaLacksEd25519ThenTinkSignerWithTheSameJws() throws Exception { // RFC 8037 Appendix A.4
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload(Rfc8037Example.PAYLOAD));

        JWSSigner signer = Ed25519Jws.signer(Rfc8037Example.KEY, false);
        jws.sign(signer);

        assertInstanceOf(Ed25519Signer.class, signer);
        assertEquals(Rfc8037Example.JWS, jws.serialize());
    }

    @Test
    void verifierWhenJcaLacksEd25519ThenTinkVerifierAcceptsTheRfcExample() throws Exception { // RFC 8037 A.5
        JWSVerifier verifier = Ed25519Jws.verifier(Rfc8037Example.KEY, false);

        assertInstanceOf(Ed25519Verifier.class, verifier);
        assertTrue(JWSObject.parse(Rfc8037Example.JWS).verify(verifier));
    }
}
