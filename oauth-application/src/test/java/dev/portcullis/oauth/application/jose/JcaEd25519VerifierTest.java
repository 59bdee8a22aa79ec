package dev.portcullis.oauth.application.jose;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.util.Base64URL;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JcaEd25519VerifierTest {

    private static final OctetKeyPair PUBLIC_KEY = Rfc8037Example.KEY.toPublicJWK();

    @Test
    void verifyWhenRfc8037ExampleThenVerified() throws Exception { // RFC 8037 Appendix A.5
        JWSObject jws = JWSObject.parse(Rfc8037Example.JWS);

        assertTrue(jws.verify(new JcaEd25519Verifier(PUBLIC_KEY)));
    }

    @Test
    void verifyWhenSignedByNimbusTinkSignerThenVerified() throws Exception {
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload("{\"sub\":\"client-1\"}"));
        jws.sign(new Ed25519Signer(key));

        assertTrue(JWSObject.parse(jws.serialize()).verify(new JcaEd25519Verifier(key.toPublicJWK())));
    }

    @Test
    void verifyWhenPayloadChangedThenNotVerified() throws Exception {
        String[] parts = Rfc8037Example.JWS.split("\\.");
        JWSObject tampered = JWSObject.parse(parts[0] + "." + Base64URL.encode("Example of Ed25519 signinG") + "." + parts[2]);

        assertFalse(tampered.verify(new JcaEd25519Verifier(PUBLIC_KEY)));
    }

    @Test
    void verifyWhenOtherKeyThenNotVerified() throws Exception {
        OctetKeyPair other = new OctetKeyPairGenerator(Curve.Ed25519).generate().toPublicJWK();

        assertFalse(JWSObject.parse(Rfc8037Example.JWS).verify(new JcaEd25519Verifier(other)));
    }

    @Test
    void verifyWhenSignatureTruncatedThenNotVerified() throws Exception { // RFC 8032 §5.1.7: 64 bytes
        JWSObject jws = JWSObject.parse(Rfc8037Example.JWS);
        byte[] signature = jws.getSignature().decode();
        JcaEd25519Verifier verifier = new JcaEd25519Verifier(PUBLIC_KEY);

        boolean verified = verifier.verify(jws.getHeader(), jws.getSigningInput(),
                Base64URL.encode(Arrays.copyOf(signature, 63)));

        assertFalse(verified);
    }

    @Test
    void verifyWhenSignatureScalarOutOfRangeThenNotVerified() throws Exception { // RFC 8032 §5.1.7: S < L
        JWSObject jws = JWSObject.parse(Rfc8037Example.JWS);
        byte[] signature = jws.getSignature().decode();
        Arrays.fill(signature, 32, 64, (byte) 0xff);
        JcaEd25519Verifier verifier = new JcaEd25519Verifier(PUBLIC_KEY);

        boolean verified = verifier.verify(jws.getHeader(), jws.getSigningInput(), Base64URL.encode(signature));

        assertFalse(verified);
    }

    @Test
    void verifyWhenUnknownCriticalHeaderThenNotVerified() throws Exception { // RFC 7515 §4.1.11
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.EdDSA).criticalParams(Set.of("exp"))
                .customParam("exp", 1).build();
        JWSObject jws = new JWSObject(header, new Payload("x"));
        jws.sign(new JcaEd25519Signer(key));

        assertFalse(jws.verify(new JcaEd25519Verifier(key.toPublicJWK())));
        assertTrue(jws.verify(new JcaEd25519Verifier(key.toPublicJWK(), Set.of("exp"))));
    }

    @Test
    void verifyWhenHeaderAlgorithmIsNotEdDsaThenRefused() throws Exception {
        JcaEd25519Verifier verifier = new JcaEd25519Verifier(PUBLIC_KEY);

        assertThrows(JOSEException.class,
                () -> verifier.verify(new JWSHeader(JWSAlgorithm.ES256), new byte[1], Base64URL.encode(new byte[64])));
    }

    @Test
    void constructorWhenX25519KeyThenRefused() throws Exception {
        OctetKeyPair x25519 = new OctetKeyPairGenerator(Curve.X25519).generate().toPublicJWK();

        assertThrows(JOSEException.class, () -> new JcaEd25519Verifier(x25519));
    }
}
