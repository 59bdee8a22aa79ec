package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.SealedSecret;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.JobLock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second half of a master key rotation: the {@code client_secret_jwt} secrets sealed under the
 * previous master key are sealed again under the current one (the signing keys are the first half,
 * {@link RotateMasterKey}). One runner at a time; a secret already under the current key is left
 * as it is, so running it twice changes nothing. Thread-safe.
 */
public final class ResealClientSecrets {

    static final String LOCK = "client-secret-reseal";

    private static final Logger LOG = LoggerFactory.getLogger(ResealClientSecrets.class);

    private final ClientRepository clients;
    private final ClientSecretCipher cipher;
    private final JobLock lock;

    /**
     * @param clients where clients are stored
     * @param cipher  seals with the current master key and opens with the previous one too
     * @param lock    one runner at a time across instances
     */
    public ResealClientSecrets(ClientRepository clients, ClientSecretCipher cipher, JobLock lock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Seals every secret still under the previous master key again.
     *
     * @return how many were sealed again; empty when another runner held the lock
     * @throws IllegalStateException when a secret opens with neither master key
     */
    public Optional<Integer> tryResealAll() {
        return lock.runExclusively(LOCK, () -> {
            int changed = 0;
            for (Client client : clients.findAll()) {
                if (client.sealedSecret().isEmpty()) {
                    continue;
                }
                SealedSecret stored = client.sealedSecret().get();
                SealedSecret current = cipher.resealed(client.id(), stored);
                if (!current.equals(stored)) {
                    clients.save(client.toBuilder().sealedSecret(current).build());
                    changed++;
                }
            }
            LOG.info("master key rotation: {} client secrets sealed again under the current master key", changed);
            return changed;
        });
    }
}
