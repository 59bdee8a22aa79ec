package dev.portcullis.oauth.application.discovery;

import dev.portcullis.oauth.application.key.SigningKeyRing;
import java.util.Map;
import java.util.Objects;

/**
 * The JWK set endpoint (RFC 7517 §5): the public keys of every published signing key (next,
 * current and retired), so that verifiers caching it never meet an unknown {@code kid}. Thread-safe.
 */
public final class PublishKeys {

    private final SigningKeyRing ring;

    public PublishKeys(SigningKeyRing ring) {
        this.ring = Objects.requireNonNull(ring, "ring");
    }

    /** The JWK set as a JSON object, public parts only. */
    public Map<String, Object> jwks() {
        return ring.publicJwks();
    }
}
