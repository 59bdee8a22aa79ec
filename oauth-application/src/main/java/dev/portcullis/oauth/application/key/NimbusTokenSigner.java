package dev.portcullis.oauth.application.key;

import com.nimbusds.jose.JOSEException;
import dev.portcullis.oauth.application.jose.CompactJws;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.TokenSigner;
import java.util.Map;
import java.util.Objects;

/**
 * Signs with the current key of the {@link SigningKeyRing} through Nimbus JOSE ({@link CompactJws}:
 * the key's header encoded once per type, the key's signer built once). Thread-safe.
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
        try {
            return CompactJws.sign(key.header(type), key.signer(), claims);
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with key " + key.id() + " failed", e);
        }
    }
}
