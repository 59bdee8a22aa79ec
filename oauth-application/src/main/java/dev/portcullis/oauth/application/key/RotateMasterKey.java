package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.JobLock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts every stored private key that is still under the previous master key with the
 * current one, all in one transaction: after it, the previous master key can be dropped. Runs at
 * start when a previous master key is configured; running it again changes nothing. Thread-safe.
 */
public final class RotateMasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(RotateMasterKey.class);

    private final SigningKeyRing ring;
    private final JobLock lock;

    /**
     * @param ring whose cipher encrypts with the new master key and decrypts with the new or the
     *             previous one ({@link PrivateKeyCipher#decryptingAlsoWith})
     * @param lock the lock under which keys change, so that no key is made while keys are re-encrypted
     */
    public RotateMasterKey(SigningKeyRing ring, JobLock lock) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Re-encrypts the keys not yet under the current master key.
     *
     * @return how many keys were re-encrypted
     * @throws IllegalStateException when a key can be decrypted with neither master key (nothing is
     *                               changed then), or another runner is changing keys
     */
    public int reencryptAll() {
        return tryReencryptAll()
                .orElseThrow(() -> new IllegalStateException("signing keys are being changed elsewhere; try again"));
    }

    /**
     * Like {@link #reencryptAll()}, but does nothing when another runner is changing keys, e.g. an
     * instance starting at the same time that is re-encrypting them itself.
     *
     * @return how many keys were re-encrypted; empty when another runner held the lock
     * @throws IllegalStateException when a key can be decrypted with neither master key
     */
    public Optional<Integer> tryReencryptAll() {
        return lock.runExclusively(KeyLifecycle.LOCK, this::reencrypt);
    }

    private int reencrypt() {
        PrivateKeyCipher cipher = ring.cipher();
        Map<KeyId, byte[]> replaced = new LinkedHashMap<>();
        for (SigningKey key : ring.repository().findAll()) {
            byte[] encrypted = key.encryptedPrivateKey();
            if (!cipher.isUnderCurrentKey(key.id(), encrypted)) {
                replaced.put(key.id(), cipher.encrypt(key.id(), cipher.decrypt(key.id(), encrypted)));
            }
        }
        int changed = replaced.isEmpty() ? 0 : ring.repository().replaceEncryptedPrivateKeys(replaced);
        LOG.info("master key rotation: {} signing keys re-encrypted under the current master key", changed);
        return changed;
    }
}
