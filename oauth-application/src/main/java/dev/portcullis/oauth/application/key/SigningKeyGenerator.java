package dev.portcullis.oauth.application.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
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
 * Makes new signing keys: RSA 2048 for RS256 and PS256, P-256 for ES256. The private half is
 * encrypted before it leaves this class. Thread-safe.
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
     * A new key for {@code algorithm} in {@code state}.
     *
     * @throws IllegalArgumentException for an algorithm this server cannot yet generate keys for (EdDSA)
     */
    public SigningKey generate(SigningAlgorithm algorithm, KeyState state) {
        KeyId kid = new KeyId(values.identifier());
        JWK jwk = switch (algorithm) {
            case RS256, PS256 -> generateRsa(kid, algorithm);
            case ES256 -> generateEc(kid);
            case EDDSA -> throw new IllegalArgumentException("EdDSA signing keys are not supported yet");
        };
        byte[] encrypted = cipher.encrypt(kid, jwk.toJSONString());
        return new SigningKey(kid, algorithm, state, jwk.toPublicJWK().toJSONString(), encrypted, Instant.now(clock));
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
