package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.JobLock;
import java.time.Clock;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * The scheduled key rotation job: publishes next keys ahead of their time, makes them current on
 * schedule, and removes retired keys once every token they signed has expired
 * ({@link KeyRotationPolicy}). One instance at a time runs it. Thread-safe.
 */
public final class MaintainSigningKeys {

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
    public MaintainSigningKeys(SigningKeyRing ring, KeyRotationPolicy policy, ClientRepository clients,
            Set<SigningAlgorithm> algorithms, Clock clock, JobLock lock) {
        this.lifecycle = new KeyLifecycle(ring, policy, clients, algorithms, clock);
        this.lock = Objects.requireNonNull(lock, "lock");
    }

    /**
     * Runs one step, unless another runner is changing keys.
     *
     * @return how many keys were made, promoted or removed; empty when another runner held the lock
     * @throws IllegalStateException when a stored key cannot be read (the keys in use stay as they were)
     */
    public Optional<Integer> run() {
        return lock.runExclusively(KeyLifecycle.LOCK, lifecycle::advance);
    }
}
