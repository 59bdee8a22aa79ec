package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.memory.LocalJobLock;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RotateSigningKeysTest {

    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final KeyRotationPolicy POLICY =
            new KeyRotationPolicy(Duration.ofDays(30), Duration.ofHours(1), Duration.ofMinutes(10));
    private static final Set<SigningAlgorithm> ALGORITHMS = EnumSet.of(SigningAlgorithm.ES256, SigningAlgorithm.EDDSA);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final LocalJobLock lock = new LocalJobLock();
    private SigningKeyRing ring;
    private RotateSigningKeys rotate;
    private MaintainSigningKeys maintain;

    @BeforeEach
    void setUp() {
        SecureRandom random = new SecureRandom();
        PrivateKeyCipher cipher = new PrivateKeyCipher(TestKeyRings.MASTER_KEY, random);
        ring = new SigningKeyRing(repository, cipher,
                new SigningKeyGenerator(cipher, new SecureRandomTokenValueGenerator(random), clock));
        ring.ensureCurrentKeys(ALGORITHMS);
        rotate = new RotateSigningKeys(ring, POLICY, clients, ALGORITHMS, clock, lock);
        maintain = new MaintainSigningKeys(ring, POLICY, clients, ALGORITHMS, clock, lock);
    }

    @Test
    void rotateWhenNoNextKeyThenNextPublishedNowAndScheduledAfterLeadTime() { // DESIGN.md "Keys": published before it signs
        KeyId current = ring.currentKeyId(SigningAlgorithm.ES256).orElseThrow();

        RotationOutcome outcome = rotate.rotate(SigningAlgorithm.ES256);

        assertEquals(RotationOutcome.Status.SCHEDULED, outcome.status());
        assertEquals(T0.plus(POLICY.publicationLead()), outcome.signsFrom());
        assertTrue(publishedKids().contains(outcome.nextKey().value()));
        assertEquals(Optional.of(current), ring.currentKeyId(SigningAlgorithm.ES256));
        assertEquals(KeyState.NEXT, repository.findById(outcome.nextKey()).orElseThrow().state());
    }

    @Test
    void rotateWhenCalledTwiceBeforeLeadTimeThenSameNextKeyAndStillScheduled() {
        RotationOutcome first = rotate.rotate(SigningAlgorithm.ES256);
        clock.advance(Duration.ofMinutes(59));

        RotationOutcome second = rotate.rotate(SigningAlgorithm.ES256);

        assertEquals(RotationOutcome.Status.SCHEDULED, second.status());
        assertEquals(first.nextKey(), second.nextKey());
        assertEquals(first.signsFrom(), second.signsFrom());
    }

    @Test
    void rotateWhenNextKeyPublishedForLeadTimeThenItSignsNowAndOldKeyRetired() {
        KeyId old = ring.currentKeyId(SigningAlgorithm.ES256).orElseThrow();
        RotationOutcome scheduled = rotate.rotate(SigningAlgorithm.ES256);
        clock.advance(POLICY.publicationLead());

        RotationOutcome outcome = rotate.rotate(SigningAlgorithm.ES256);

        assertEquals(RotationOutcome.Status.ROTATED, outcome.status());
        assertEquals(scheduled.nextKey(), outcome.nextKey());
        assertEquals(Optional.of(scheduled.nextKey()), ring.currentKeyId(SigningAlgorithm.ES256));
        assertEquals(KeyState.RETIRED, repository.findById(old).orElseThrow().state());
        assertEquals(Optional.of(clock.instant()), repository.findById(old).orElseThrow().retiredAt());
        assertTrue(publishedKids().contains(old.value()), "a retired key stays published");
        assertEquals(kidOfSignedToken(SigningAlgorithm.ES256), scheduled.nextKey().value());
    }

    @Test
    void rotateWhenOneAlgorithmRotatedThenOtherAlgorithmUnchanged() {
        KeyId eddsa = ring.currentKeyId(SigningAlgorithm.EDDSA).orElseThrow();
        rotate.rotate(SigningAlgorithm.ES256);
        clock.advance(POLICY.publicationLead());

        rotate.rotate(SigningAlgorithm.ES256);

        assertEquals(Optional.of(eddsa), ring.currentKeyId(SigningAlgorithm.EDDSA));
    }

    @Test
    void maintainWhenScheduledRotationDueThenNextKeySignsOnlyAfterLeadTime() {
        KeyId old = ring.currentKeyId(SigningAlgorithm.ES256).orElseThrow();
        rotate.rotate(SigningAlgorithm.ES256);
        clock.advance(POLICY.publicationLead().minusSeconds(1));
        maintain.run();
        assertEquals(Optional.of(old), ring.currentKeyId(SigningAlgorithm.ES256));

        clock.advance(Duration.ofSeconds(1));
        Optional<Integer> changed = maintain.run();

        assertEquals(Optional.of(1), changed);
        assertNotEquals(Optional.of(old), ring.currentKeyId(SigningAlgorithm.ES256));
    }

    @Test
    void maintainWhenCurrentKeyNearsEndOfPeriodThenNextPublishedLeadTimeAhead() {
        clock.advance(POLICY.rotationPeriod().minus(POLICY.publicationLead()).minusSeconds(1));
        assertEquals(Optional.of(0), maintain.run());

        clock.advance(Duration.ofSeconds(1));
        maintain.run();

        List<SigningKey> next = repository.findAll().stream().filter(k -> k.state() == KeyState.NEXT).toList();
        assertEquals(2, next.size(), "one next key per algorithm");
        assertTrue(next.stream().allMatch(k -> publishedKids().contains(k.id().value())));
    }

    @Test
    void maintainWhenRetiredKeyOutlivedLongestTokenThenRemoved() { // a retired key stays until its tokens expired
        clients.save(TestClients.confidential("slow").lifetimes(TokenLifetimes.DEFAULTS.withAccessToken(Duration.ofHours(3)))
                .build());
        KeyId old = ring.currentKeyId(SigningAlgorithm.ES256).orElseThrow();
        rotate.rotate(SigningAlgorithm.ES256);
        clock.advance(POLICY.publicationLead());
        rotate.rotate(SigningAlgorithm.ES256);
        Duration retention = Duration.ofHours(3).plus(POLICY.retentionMargin());

        clock.advance(retention.minusSeconds(1));
        maintain.run();
        assertTrue(publishedKids().contains(old.value()));
        clock.advance(Duration.ofSeconds(1));
        maintain.run();

        assertEquals(Optional.empty(), repository.findById(old));
        assertTrue(!publishedKids().contains(old.value()));
    }

    @Test
    void rotateWhenAlgorithmNotEnabledThenIllegalArgument() {
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
                () -> rotate.rotate(SigningAlgorithm.RS256));

        assertEquals("signing algorithm RS256 is not enabled", thrown.getMessage());
    }

    @Test
    void rotateWhenAnotherRunnerHoldsTheLockThenIllegalStateAndNothingChanged() {
        List<SigningKey> before = repository.findAll();

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> lock.runExclusively("signing-keys",
                () -> onOtherThread(() -> rotate.rotate(SigningAlgorithm.ES256))));

        assertEquals("signing keys are being changed elsewhere; try again", thrown.getMessage());
        assertEquals(before, repository.findAll());
    }

    @Test
    void maintainWhenAnotherRunnerHoldsTheLockThenSkipped() {
        Optional<Optional<Integer>> result = lock.runExclusively("signing-keys", () -> onOtherThread(maintain::run));

        assertEquals(Optional.of(Optional.empty()), result);
    }

    private static <T> T onOtherThread(java.util.function.Supplier<T> work) {
        java.util.concurrent.CompletableFuture<T> future = java.util.concurrent.CompletableFuture.supplyAsync(work);
        try {
            return future.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Set<String> publishedKids() {
        try {
            return JWKSet.parse(ring.publicJwks()).getKeys().stream().map(k -> k.getKeyID())
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String kidOfSignedToken(SigningAlgorithm algorithm) {
        try {
            return SignedJWT.parse(new NimbusTokenSigner(ring).sign(algorithm, "at+jwt", Map.of("sub", "s")))
                    .getHeader().getKeyID();
        } catch (java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
