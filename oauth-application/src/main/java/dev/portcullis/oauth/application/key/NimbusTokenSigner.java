package dev.portcullis.oauth.application.key;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.TokenSigner;
import java.util.Map;
import java.util.Objects;

/**
 * Signs with the current key of the {@link SigningKeyRing} through Nimbus JOSE. Thread-safe.
 */
public final class NimbusTokenSigner implements TokenSigner {

    private final SigningKeyRing ring;

    public NimbusTokenSigner(SigningKeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    @Override
    public String sign(SigningAlgorithm algorithm, String type, Map<String, Object> claims) {
        SigningKeyRing.ActiveKey key = ring.current(algorithm)
                .orElseThrow(() -> new IllegalStateException("no current signing key for " + algorithm.jwsName()));
        JWSHeader header = new JWSHeader.Builder(key.algorithm())
                .keyID(key.id().value())
                .type(new JOSEObjectType(type))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.id() + " failed", e);
        }
        return jws.serialize();
    }
}
