package dev.portcullis.oauth.runtime.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.oauth.application.jose.CompactJws;
import dev.portcullis.oauth.application.jose.Ed25519Jws;
import dev.portcullis.oauth.runtime.config.CryptoProviderMode;
import dev.portcullis.oauth.runtime.config.CryptoSettings;
import dev.portcullis.oauth.runtime.crypto.CryptoProviders;
import dev.portcullis.oauth.runtime.crypto.ProviderChoice;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ceiling of token issuance: compact JWS signatures per second over a claims set shaped like
 * an RFC 9068 access token, with the same signers and key sizes the server uses (Nimbus
 * {@code RSASSASigner} with RSA 2048 for RS256 and PS256, {@code ECDSASigner} with P-256, and the
 * server's Ed25519 signer, {@code Ed25519Jws.signer}), signed the way {@code NimbusTokenSigner} signs
 * ({@code CompactJws}: header encoded once, one shared SecureRandom), and nothing else. {@code provider} picks who
 * signs, as {@code crypto.provider} does at start: {@code jdk} the JDK's providers, {@code accp}
 * Amazon Corretto Crypto Provider installed first by {@code CryptoProviders}. The provider list is
 * JVM-global, so each parameter needs its own fork (the default); {@code -f 0} is refused.
 * {@code bench/client-credentials.sh} divides HTTP tokens per second by the RS256 figure.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(2)
@Fork(1)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
public class RawSigningBenchmark {

    private static final String ACCP = "AmazonCorrettoCryptoProvider";
    /** The {@code typ} of an access token (RFC 9068 §2.1). */
    private static final String TYPE = "at+jwt";

    /** Who signs: {@code jdk} or {@code accp}. */
    @Param({"jdk", "accp"})
    public String provider;

    private JWSSigner rsaSigner;
    private JWSHeader rs256Header;
    private JWSHeader ps256Header;
    private JWSSigner ecSigner;
    private JWSHeader es256Header;
    private JWSSigner edSigner;
    private JWSHeader edDsaHeader;

    /** A fresh {@code jti} per token, as the server makes, so that no two payloads are equal. */
    @State(Scope.Thread)
    public static class Claims {
        private long counter;

        Map<String, Object> next() {
            long iat = Instant.now().getEpochSecond();
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", "http://127.0.0.1:8080");
            claims.put("sub", "dev-client");
            claims.put("aud", "http://127.0.0.1:8080");
            claims.put("client_id", "dev-client");
            claims.put("iat", iat);
            claims.put("exp", iat + 300);
            claims.put("jti", "bench-" + Thread.currentThread().getId() + "-" + counter++ + "-0123456789abcdef");
            claims.put("scope", "api:read api:write");
            return claims;
        }
    }

    /** Installs the provider first, then makes the keys, so that their key objects are that provider's too. */
    @Setup
    public void installProviderAndGenerateKeys() throws Exception {
        boolean accp = switch (provider) {
            case "jdk" -> false;
            case "accp" -> true;
            default -> throw new IllegalArgumentException("provider must be jdk or accp");
        };
        ProviderChoice choice = new CryptoProviders().install(
                new CryptoSettings(accp ? CryptoProviderMode.NATIVE : CryptoProviderMode.JDK, "provider"));
        String signing = Signature.getInstance("SHA256withECDSA").getProvider().getName();
        if (accp != ACCP.equals(signing) || accp == choice.jdk()) {
            throw new IllegalStateException("provider=" + provider + " but " + signing
                    + " signs: run each provider in its own fork (-f 1 or more)");
        }
        RSAKey rsa = new RSAKeyGenerator(2048).keyIDFromThumbprint(true).generate();
        ECKey ec = new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate();
        OctetKeyPair ed = new OctetKeyPairGenerator(Curve.Ed25519).keyIDFromThumbprint(true).generate();
        // As the server's key ring: one SecureRandom shared by the signers, each header encoded once.
        SecureRandom random = new SecureRandom();
        rsaSigner = CompactJws.shareRandom(new RSASSASigner(rsa), random);
        ecSigner = CompactJws.shareRandom(new ECDSASigner(ec), random);
        edSigner = CompactJws.shareRandom(Ed25519Jws.signer(ed), random);
        rs256Header = CompactJws.header(JWSAlgorithm.RS256, rsa.getKeyID(), TYPE);
        ps256Header = CompactJws.header(JWSAlgorithm.PS256, rsa.getKeyID(), TYPE);
        es256Header = CompactJws.header(JWSAlgorithm.ES256, ec.getKeyID(), TYPE);
        edDsaHeader = CompactJws.header(JWSAlgorithm.EdDSA, ed.getKeyID(), TYPE);
    }

    @Benchmark
    public String rs256(Claims claims) throws JOSEException {
        return CompactJws.sign(rs256Header, rsaSigner, claims.next());
    }

    @Benchmark
    public String ps256(Claims claims) throws JOSEException {
        return CompactJws.sign(ps256Header, rsaSigner, claims.next());
    }

    @Benchmark
    public String es256(Claims claims) throws JOSEException {
        return CompactJws.sign(es256Header, ecSigner, claims.next());
    }

    @Benchmark
    public String eddsa(Claims claims) throws JOSEException {
        return CompactJws.sign(edDsaHeader, edSigner, claims.next());
    }
}
