package dev.portcullis.oauth.application.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.TokenValueGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Makes new signing keys: RSA 2048 for RS256 and PS256, P-256 for ES256, Ed25519 for EdDSA
 * (RFC 8037). The private half is encrypted before it leaves this class. Thread-safe.
 */
public final class SigningKeyGenerator {

    private static final int RSA_BITS = 2048;

    private final PrivateKeyCipher cipher;
    private final TokenValueGenerator values;
    private final Clock clock;

    public SigningKeyGenerator(PrivateKeyCipher cipher, TokenValueGenerator values, Clock clock) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.values = Objects.requireNonNull(values, "values");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A new key for {@code algorithm} in {@code state}, made now; a {@code CURRENT} key is also
     * active from now.
     */
    public SigningKey generate(SigningAlgorithm algorithm, KeyState state) {
        KeyId kid = new KeyId(values.identifier());
        JWK jwk = switch (algorithm) {
            case RS256, PS256 -> generateRsa(kid, algorithm);
            case ES256 -> generateEc(kid);
            case EDDSA -> generateEd25519(kid);
        };
        return seal(jwk, algorithm, state);
    }

    /**
     * The stored form of the private JWK {@code jwk}, whose {@code kid} becomes the key id: the
     * private half encrypted, the public half as published. A {@code CURRENT} key is active from now,
     * a {@code RETIRED} one retired from now.
     */
    SigningKey seal(JWK jwk, SigningAlgorithm algorithm, KeyState state) {
        KeyId kid = new KeyId(jwk.getKeyID());
        byte[] encrypted = cipher.encrypt(kid, jwk.toJSONString());
        Instant now = Instant.now(clock);
        SigningKey key = new SigningKey(kid, algorithm, KeyState.NEXT, jwk.toPublicJWK().toJSONString(), encrypted, now);
        return switch (state) {
            case NEXT -> key;
            case CURRENT -> key.activated(now);
            case RETIRED -> key.retired(now);
        };
    }

    private static JWK generateEd25519(KeyId kid) {
        try {
            return new OctetKeyPairGenerator(Curve.Ed25519).keyID(kid.value()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.EdDSA).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Ed25519 key generation failed", e);
        }
    }

    private static JWK generateRsa(KeyId kid, SigningAlgorithm algorithm) {
        try {
            return new RSAKeyGenerator(RSA_BITS).keyID(kid.value()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.parse(algorithm.jwsName())).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("RSA key generation failed", e);
        }
    }

    private static JWK generateEc(KeyId kid) {
        try {
            return new ECKeyGenerator(Curve.P_256).keyID(kid.value()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.ES256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("EC key generation failed", e);
        }
    }
}
