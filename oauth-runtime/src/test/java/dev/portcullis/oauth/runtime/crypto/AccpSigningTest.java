package dev.portcullis.oauth.runtime.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.oauth.application.jose.Ed25519Jws;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.runtime.config.CryptoSettings;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With ACCP installed first (the {@code auto} default on linux-x86_64): the signatures the server
 * makes come from it, verify with the JDK's providers, and the default SecureRandom is its DRBG.
 */
class AccpSigningTest {

    private static final String ACCP = "AmazonCorrettoCryptoProvider";
    private static final Payload CLAIMS = new Payload("{\"iss\":\"https://as.example.com\",\"sub\":\"client-1\"}");

    private static Provider[] saved;

    @BeforeAll
    static void installAccp() {
        CryptoProvidersTest.assumeAccpBuildForThisPlatform();
        saved = Security.getProviders();
        new CryptoProviders().install(CryptoSettings.DEFAULTS);
    }

    @AfterAll
    static void restoreProviders() {
        if (saved != null) {
            Security.removeProvider(ACCP);
            for (int i = 0; i < saved.length; i++) {
                if (Security.getProvider(saved[i].getName()) == null) {
                    Security.insertProviderAt(saved[i], i + 1);
                }
            }
        }
    }

    @Test
    void getInstanceWhenNoProviderNamedThenEverySignatureTheServerUsesIsAccps() throws Exception {
        // What Nimbus' signers (RS256, PS256, ES256) and JcaEd25519Signer ask for, without naming a provider.
        for (String algorithm : Set.of("SHA256withRSA", "RSASSA-PSS", "SHA256withECDSA", "Ed25519")) {
            assertEquals(ACCP, Signature.getInstance(algorithm).getProvider().getName(), algorithm);
        }
    }

    @Test
    void signWhenRs256ThenJdkVerifies() throws Exception { // RFC 7518 §3.3
        RSAKey key = new RSAKeyGenerator(2048).generate();

        assertVerifies(JWSAlgorithm.RS256, new RSASSASigner(key), jdk(new RSASSAVerifier(key), "SunRsaSign"));
    }

    @Test
    void signWhenPs256ThenJdkVerifies() throws Exception { // RFC 7518 §3.5
        RSAKey key = new RSAKeyGenerator(2048).generate();

        assertVerifies(JWSAlgorithm.PS256, new RSASSASigner(key), jdk(new RSASSAVerifier(key), "SunRsaSign"));
    }

    @Test
    void signWhenEs256ThenJdkVerifies() throws Exception { // RFC 7518 §3.4
        ECKey key = new ECKeyGenerator(Curve.P_256).generate();

        assertVerifies(JWSAlgorithm.ES256, new ECDSASigner(key), jdk(new ECDSAVerifier(key), "SunEC"));
    }

    @Test
    void signWhenEdDsaThenJdkAndTinkVerify() throws Exception { // RFC 8037 §3.1
        OctetKeyPair key = new OctetKeyPairGenerator(Curve.Ed25519).generate();
        JWSSigner signer = Ed25519Jws.signer(key);

        assertVerifies(JWSAlgorithm.EdDSA, signer, jdk(Ed25519Jws.verifier(key.toPublicJWK()), "SunEC"));
        assertVerifies(JWSAlgorithm.EdDSA, signer, new Ed25519Verifier(key.toPublicJWK()));
    }

    @Test
    void newSecureRandomWhenAccpFirstThenItsDrbgMakesDistinctTokenValues() {
        SecureRandom random = new SecureRandom();
        SecureRandomTokenValueGenerator values = new SecureRandomTokenValueGenerator(random);

        Set<String> made = new HashSet<>();
        IntStream.range(0, 1000).forEach(i -> made.add(values.tokenValue()));

        assertEquals(ACCP, random.getProvider().getName());
        assertEquals(1000, made.size());
        assertTrue(made.stream().allMatch(v -> v.matches("[A-Za-z0-9_-]{43}")));
    }

    private static void assertVerifies(JWSAlgorithm algorithm, JWSSigner signer, JWSVerifier verifier)
            throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader(algorithm), CLAIMS);
        jws.sign(signer);

        assertTrue(JWSObject.parse(jws.serialize()).verify(verifier), algorithm.getName());
    }

    /** {@code verifier} made to use the JDK provider {@code name} instead of the first in the list. */
    private static JWSVerifier jdk(JWSVerifier verifier, String name) throws JOSEException {
        verifier.getJCAContext().setProvider(Security.getProvider(name));
        return verifier;
    }
}
