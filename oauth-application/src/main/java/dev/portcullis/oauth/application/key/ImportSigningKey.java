package dev.portcullis.oauth.application.key;

import com.nimbusds.jose.jwk.JWK;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.JobLock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports an existing private key (a JWK or PEM), keeping its {@code kid}, so that a migration from
 * another server keeps the tokens it signed valid. The key is published at once; as {@code NEXT} it
 * replaces a generated next key and signs after the publication lead time, like any next key.
 * Thread-safe.
 */
public final class ImportSigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(ImportSigningKey.class);

    private final SigningKeyRing ring;
    private final JobLock lock;

    /**
     * @param ring the keys, reloaded after the import
     * @param lock the lock under which keys change
     */
    public ImportSigningKey(SigningKeyRing ring, JobLock lock) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Imports {@code request}'s key.
     *
     * @return the stored key (private half encrypted)
     * @throws IllegalArgumentException when the material is not a usable private key for the
     *                                  algorithm, or a key with its {@code kid} exists; the message
     *                                  is safe to show and never contains the material
     * @throws IllegalStateException    when another runner is changing keys at this moment
     */
    public SigningKey importKey(KeyImport request) {
        Objects.requireNonNull(request, "request");
        JWK jwk = KeyMaterial.parse(request.material(), request.algorithm(), request.kid());
        SigningKey key = ring.generator().seal(jwk, request.algorithm(), request.state());
        return lock.runExclusively(KeyLifecycle.LOCK, () -> store(key))
                .orElseThrow(() -> new IllegalStateException("signing keys are being changed elsewhere; try again"));
    }

    private SigningKey store(SigningKey key) {
        if (ring.repository().findById(key.id()).isPresent()) {
            throw new IllegalArgumentException("a signing key with this kid exists");
        }
        if (key.state() == KeyState.NEXT) {
            // A next key has never signed, so it can be dropped for the imported one.
            ring.repository().findAll().stream()
                    .filter(k -> k.algorithm() == key.algorithm() && k.state() == KeyState.NEXT)
                    .forEach(k -> ring.repository().delete(k.id()));
        }
        ring.repository().add(key);
        ring.reload();
        LOG.info("signing key imported: kid={} alg={} state={}", key.id(), key.algorithm().jwsName(), key.state());
        return key;
    }
}
