package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.JobLock;
import java.time.Clock;
import java.util.Set;
import java.util.Objects;

/**
 * Rotates the signing key of an algorithm on request (the admin API and the command line). A key
 * never signs before it has been published for the publication lead time, so a rotation either
 * switches to a next key published long enough ago, or publishes one and says when it will sign.
 * Thread-safe.
 */
public final class RotateSigningKeys {

    private final KeyLifecycle lifecycle;
    private final JobLock lock;

    /**
     * @param ring       the keys, reloaded after every change
     * @param policy     when keys rotate
     * @param clients    the clients, whose longest token lifetime decides how long a retired key stays
     * @param algorithms the algorithms the server signs with
     * @param clock      the source of "now"
     * @param lock       the lock that lets one runner at a time change keys
     */
    public RotateSigningKeys(SigningKeyRing ring, KeyRotationPolicy policy, ClientRepository clients,
            Set<SigningAlgorithm> algorithms, Clock clock, JobLock lock) {
        this.lifecycle = new KeyLifecycle(ring, policy, clients, algorithms, clock);
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Rotates {@code algorithm}'s key.
     *
     * @throws IllegalArgumentException when the server does not sign with {@code algorithm}
     * @throws IllegalStateException    when another runner is changing keys at this moment; try again
     */
    public RotationOutcome rotate(SigningAlgorithm algorithm) {
        Objects.requireNonNull(algorithm, "algorithm");
        return lock.runExclusively(KeyLifecycle.LOCK, () -> lifecycle.rotate(algorithm))
                .orElseThrow(() -> new IllegalStateException("signing keys are being changed elsewhere; try again"));
    }
}
