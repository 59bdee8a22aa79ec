package dev.portcullis.oauth.application.key;

import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.ClientRepository;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key lifecycle rules of {@link KeyRotationPolicy}, applied to the stored keys. Callers hold
 * the {@link #LOCK} job lock, so that one instance at a time changes keys. Thread-safe.
 */
final class KeyLifecycle {

    /** The job lock under which keys change. */
    static final String LOCK = "signing-keys";

    private static final Logger LOG = LoggerFactory.getLogger(KeyLifecycle.class);

    private final SigningKeyRing ring;
    private final SigningKeyRepository repository;
    private final SigningKeyGenerator generator;
    private final KeyRotationPolicy policy;
    private final ClientRepository clients;
    private final Set<SigningAlgorithm> algorithms;
    private final Clock clock;

    KeyLifecycle(SigningKeyRing ring, KeyRotationPolicy policy, ClientRepository clients,
                 Set<SigningAlgorithm> algorithms, Clock clock) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.repository = ring.repository();
        this.generator = ring.generator();
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.algorithms = Set.copyOf(algorithms);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One scheduled step: for each enabled algorithm, promotes a next key published for at least
     * the lead time, or publishes a next key when the current one is within the lead time of its
     * rotation; then removes retired keys whose every token has expired.
     *
     * @return how many keys were made, promoted or removed
     */
    int advance() {
        Instant now = Instant.now(clock);
        List<SigningKey> keys = repository.findAll();
        int changed = 0;
        for (SigningAlgorithm algorithm : algorithms) {
            Optional<SigningKey> current = find(keys, algorithm, KeyState.CURRENT);
            Optional<SigningKey> next = find(keys, algorithm, KeyState.NEXT);
            if (next.isPresent() && signsFrom(next.get()).compareTo(now) <= 0) {
                changed += promote(next.get(), now) ? 1 : 0;
            } else if (next.isEmpty() && current.isPresent()
                    && current.get().signingSince().plus(policy.rotationPeriod()).minus(policy.publicationLead())
                    .compareTo(now) <= 0) {
                changed += publishNext(algorithm) ? 1 : 0;
            } else if (next.isEmpty() && current.isEmpty()) {
                ring.ensureCurrentKeys(Set.of(algorithm));
                changed++;
            }
        }
        changed += removeExpired(keys, now);
        if (changed > 0) {
            ring.reload();
        }
        return changed;
    }

    /**
     * A manual rotation of {@code algorithm}: promotes its next key now if it has been published
     * for the lead time, or else publishes one (if none) that the scheduled step promotes after it.
     *
     * @throws IllegalArgumentException when {@code algorithm} is not enabled
     */
    RotationOutcome rotate(SigningAlgorithm algorithm) {
        if (!algorithms.contains(algorithm)) {
            throw new IllegalArgumentException("signing algorithm " + algorithm.jwsName() + " is not enabled");
        }
        Instant now = Instant.now(clock);
        Optional<SigningKey> next = find(repository.findAll(), algorithm, KeyState.NEXT);
        if (next.isPresent() && signsFrom(next.get()).compareTo(now) <= 0 && promote(next.get(), now)) {
            ring.reload();
            return new RotationOutcome(algorithm, RotationOutcome.Status.ROTATED, next.get().id(), now);
        }
        if (next.isEmpty()) {
            publishNext(algorithm);
            ring.reload();
            next = find(repository.findAll(), algorithm, KeyState.NEXT);
        }
        SigningKey scheduled = next.orElseThrow(() -> new IllegalStateException("the next key vanished"));
        return new RotationOutcome(algorithm, RotationOutcome.Status.SCHEDULED, scheduled.id(), signsFrom(scheduled));
    }

    /** When a next key may start signing: the lead time after it was published. */
    Instant signsFrom(SigningKey next) {
        return next.createdAt().plus(policy.publicationLead());
    }

    /** The longest a token signed now may live: the longest access (and ID) token lifetime of any client. */
    Duration longestTokenLifetime() {
        Duration longest = TokenLifetimes.DEFAULTS.accessToken();
        for (Client client : clients.findAll()) {
            Duration lifetime = client.lifetimes().accessToken();
            if (lifetime.compareTo(longest) > 0) {
                longest = lifetime;
            }
        }
        return longest;
    }

    private boolean promote(SigningKey next, Instant now) {
        boolean promoted = repository.promote(next.id(), now);
        if (promoted) {
            LOG.info("signing key rotated: kid={} alg={} state=CURRENT", next.id(), next.algorithm().jwsName());
        }
        return promoted;
    }

    private boolean publishNext(SigningAlgorithm algorithm) {
        SigningKey key = generator.generate(algorithm, KeyState.NEXT);
        try {
            repository.add(key);
        } catch (IllegalStateException e) {
            LOG.info("a next signing key exists already: alg={}", algorithm.jwsName());
            return false;
        }
        LOG.info("signing key published: kid={} alg={} state=NEXT signsFrom={}", key.id(), algorithm.jwsName(),
                signsFrom(key));
        return true;
    }

    private int removeExpired(List<SigningKey> keys, Instant now) {
        Duration retention = longestTokenLifetime().plus(policy.retentionMargin());
        int removed = 0;
        for (SigningKey key : keys) {
            if (key.state() == KeyState.RETIRED
                    && key.retiredAt().orElse(key.createdAt()).plus(retention).compareTo(now) <= 0
                    && repository.delete(key.id())) {
                LOG.info("signing key removed: kid={} alg={}", key.id(), key.algorithm().jwsName());
                removed++;
            }
        }
        return removed;
    }

    private static Optional<SigningKey> find(List<SigningKey> keys, SigningAlgorithm algorithm, KeyState state) {
        return keys.stream().filter(k -> k.algorithm() == algorithm && k.state() == state).findFirst();
    }
}
