package dev.portcullis.oauth.application.jose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CompactJwsTest {

    private static ECKey ec;
    private static RSAKey rsa;
    private static final Map<String, Object> CLAIMS = claims();

    @BeforeAll
    static void generateKeys() throws JOSEException {
        ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
    }

    @Test
    void headerWhenBuiltThenEncodedFormIsThatOfTheBuilderHeader() { // RFC 7515 §5.1 step 2
        JWSHeader built = new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1")
                .type(new JOSEObjectType("at+jwt")).build();

        JWSHeader header = CompactJws.header(JWSAlgorithm.ES256, "ec-1", "at+jwt");

        assertEquals(built.toBase64URL(), header.toBase64URL());
        assertSame(header.toBase64URL(), header.toBase64URL(), "encoded once, not per signature");
        assertEquals(JWSAlgorithm.ES256, header.getAlgorithm());
        assertEquals("ec-1", header.getKeyID());
        assertEquals(new JOSEObjectType("at+jwt"), header.getType());
    }

    @Test
    void signWhenEs256ThenCompactJwsVerifiesAndCarriesHeaderAndClaims() throws Exception { // RFC 7515 §7.1
        JWSHeader header = CompactJws.header(JWSAlgorithm.ES256, "ec-1", "at+jwt");

        String token = CompactJws.sign(header, new ECDSASigner(ec), CLAIMS);

        JWSObject parsed = JWSObject.parse(token);
        assertTrue(parsed.verify(new ECDSAVerifier(ec.toPublicJWK())));
        assertEquals(header.toBase64URL(), parsed.getHeader().toBase64URL());
        assertEquals(CLAIMS, parsed.getPayload().toJSONObject());
        assertEquals(64, parsed.getSignature().decode().length, "RFC 7518 §3.4: R || S, 32 octets each");
    }

    @Test
    void signWhenSameHeaderTwiceThenBothTokensShareTheEncodedHeaderAndVerify() throws Exception {
        JWSHeader header = CompactJws.header(JWSAlgorithm.RS256, "rsa-1", "at+jwt");
        JWSSigner signer = new RSASSASigner(rsa);

        String first = CompactJws.sign(header, signer, CLAIMS);
        Map<String, Object> other = new LinkedHashMap<>(CLAIMS);
        other.put("jti", "another");
        String second = CompactJws.sign(header, signer, other);

        assertEquals(first.substring(0, first.indexOf('.')), second.substring(0, second.indexOf('.')));
        assertTrue(JWSObject.parse(second).verify(new RSASSAVerifier(rsa.toPublicJWK())));
        assertEquals("another", JWSObject.parse(second).getPayload().toJSONObject().get("jti"));
    }

    @Test
    void signWhenHeaderAlgorithmIsNotTheSignersThenRefused() { // RFC 7515 §4.1.1: alg names the key's algorithm
        JWSHeader header = CompactJws.header(JWSAlgorithm.RS256, "ec-1", "at+jwt");

        assertThrows(JOSEException.class, () -> CompactJws.sign(header, new ECDSASigner(ec), CLAIMS));
    }

    @Test
    void shareRandomWhenSetThenSignerDrawsFromThatRandom() throws Exception {
        SecureRandom random = new SecureRandom();

        JWSSigner signer = CompactJws.shareRandom(new RSASSASigner(rsa), random);

        assertSame(random, signer.getJCAContext().getSecureRandom());
        // PS256 takes its salt from it (RFC 7518 §3.5) and still verifies.
        String token = CompactJws.sign(CompactJws.header(JWSAlgorithm.PS256, "rsa-1", "JWT"), signer, CLAIMS);
        assertTrue(JWSObject.parse(token).verify(new RSASSAVerifier(rsa.toPublicJWK())));
    }

    @Test
    void headerWhenEncodedThenDecodesToTheThreeMembersOnly() throws Exception { // RFC 7515 §4.1
        Base64URL encoded = CompactJws.header(JWSAlgorithm.EdDSA, "ed-1", "JWT").toBase64URL();

        assertEquals(Map.of("kid", "ed-1", "typ", "JWT", "alg", "EdDSA"),
                JSONObjectUtils.parse(encoded.decodeToString()));
    }

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", "https://issuer.example");
        claims.put("sub", "client-1");
        claims.put("exp", 1_900_000_000L);
        claims.put("jti", "a-jti");
        return claims;
    }
}
