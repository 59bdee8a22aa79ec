package dev.portcullis.oauth.application.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import org.junit.jupiter.api.Test;

class JcaEd25519SignerTest {

    @Test
    void signWhenRfc8037ExampleThenTheRfcsJws() throws Exception { // RFC 8037 Appendix A.4
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload(Rfc8037Example.PAYLOAD));

        jws.sign(new JcaEd25519Signer(Rfc8037Example.KEY));

        assertEquals(Rfc8037Example.JWS, jws.serialize());
    }

    @Test
    void signWhenSameKeyAndInputThenSameSignatureAsTinkSigner() throws Exception { // RFC 8032 §5.1.6: deterministic
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSHeader header = new JWSHeader(JWSAlgorithm.EdDSA);
        byte[] input = "header.payload".getBytes(StandardCharsets.US_ASCII);

        String jca = new JcaEd25519Signer(key).sign(header, input).toString();

        assertEquals(new Ed25519Signer(key).sign(header, input).toString(), jca);
    }

    @Test
    void signWhenSignedThenNimbusTinkVerifierAccepts() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("{\"sub\":\"client-1\"}"));

        jws.sign(new JcaEd25519Signer(key));

        assertTrue(JWSObject.parse(jws.serialize()).verify(new Ed25519Verifier(key.toPublicJWK())));
    }

    @Test
    void signWhenFullySpecifiedEd25519AlgorithmThenVerifies() throws Exception { // RFC 9864 §2.2
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.Ed25519), new Payload(Rfc8037Example.PAYLOAD));

        jws.sign(new JcaEd25519Signer(Rfc8037Example.KEY));

        assertTrue(jws.verify(new Ed25519Verifier(Rfc8037Example.KEY.toPublicJWK())));
    }

    @Test
    void signWhenProviderSetOnJcaContextThenThatProviderSigns() throws Exception {
        JcaEd25519Signer signer = new JcaEd25519Signer(Rfc8037Example.KEY);
        signer.getJCAContext().setProvider(Security.getProvider("SunEC"));
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload(Rfc8037Example.PAYLOAD));

        jws.sign(signer);

        assertEquals(Rfc8037Example.JWS, jws.serialize());
    }

    @Test
    void signWhenHeaderAlgorithmIsNotEdDsaThenRefused() throws Exception {
        JcaEd25519Signer signer = new JcaEd25519Signer(Rfc8037Example.KEY);

        assertThrows(JOSEException.class, () -> signer.sign(new JWSHeader(JWSAlgorithm.ES256), new byte[1]));
    }

    @Test
    void constructorWhenPublicKeyOnlyThenRefused() {
        OctetKeyPair publicOnly = Rfc8037Example.KEY.toPublicJWK();

        assertThrows(JOSEException.class, () -> new JcaEd25519Signer(publicOnly));
    }

    @Test
    void constructorWhenX25519KeyThenRefused() throws Exception { // RFC 8037 §3.1: X25519 is for ECDH-ES
        OctetKeyPair x25519 = new OctetKeyPairGenerator(Curve.X25519).generate();

        assertThrows(JOSEException.class, () -> new JcaEd25519Signer(x25519));
    }
}
