package dev.portcullis.oauth.application.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.token.SecureRandomTokenValueGenerator;
import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SigningKeyRingTest {

    private static final Set<SigningAlgorithm> ALGORITHMS = EnumSet.of(SigningAlgorithm.RS256, SigningAlgorithm.ES256);
    /** EC keys are quick to make; tests that do not need RSA use them. */
    private static final Set<SigningAlgorithm> EC_ONLY = EnumSet.of(SigningAlgorithm.ES256);

    private final InMemorySigningKeyRepository repository = new InMemorySigningKeyRepository();
    private final SigningKeyRing ring = TestKeyRings.ring(repository);

    @Test
    void ensureCurrentKeysWhenRepositoryEmptyThenOneCurrentKeyPerAlgorithm() {
        ring.ensureCurrentKeys(ALGORITHMS);

        List<SigningKey> stored = repository.findAll();
        assertEquals(2, stored.size());
        assertEquals(ALGORITHMS, stored.stream().map(SigningKey::algorithm).collect(Collectors.toSet()));
        assertTrue(stored.stream().allMatch(key -> key.state() == KeyState.CURRENT));
    }

    @Test
    void ensureCurrentKeysWhenCalledTwiceThenNoNewKey() {
        ring.ensureCurrentKeys(EC_ONLY);
        List<SigningKey> first = repository.findAll();

        ring.ensureCurrentKeys(EC_ONLY);

        assertEquals(first, repository.findAll());
    }

    @Test
    void ensureCurrentKeysWhenNewRingOnSameRepositoryThenNoNewKey() { // a restart keeps its keys
        ring.ensureCurrentKeys(EC_ONLY);
        List<SigningKey> first = repository.findAll();

        TestKeyRings.ring(repository).ensureCurrentKeys(EC_ONLY);

        assertEquals(first, repository.findAll());
    }

    @Test
    void ensureCurrentKeysWhenAlgorithmAddedLaterThenOnlyItsKeyGenerated() {
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.RS256));

        ring.ensureCurrentKeys(ALGORITHMS);

        assertEquals(2, repository.findAll().size());
    }

    @Test
    void ensureCurrentKeysWhenPs256ThenRsaKeyForPs256() {
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.PS256));

        SigningKey key = repository.findAll().get(0);
        assertEquals(SigningAlgorithm.PS256, key.algorithm());
        assertTrue(key.publicJwk().contains("\"kty\":\"RSA\""), key.publicJwk());
    }

    @Test
    void ensureCurrentKeysWhenEdDsaThenEd25519KeyThatSigns() { // RFC 8037 §2
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.EDDSA));

        SigningKey key = repository.findAll().get(0);
        assertEquals(SigningAlgorithm.EDDSA, key.algorithm());
        assertTrue(key.publicJwk().contains("\"crv\":\"Ed25519\""), key.publicJwk());
        assertTrue(ring.current(SigningAlgorithm.EDDSA).isPresent());
    }

    @Test
    void ensureCurrentKeysWhenAnotherInstanceAddedCurrentKeyMeanwhileThenItsKeyIsUsed() {
        SigningKeyRing otherInstance = TestKeyRings.ring(repository);
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        // The other instance read the repository before this one stored its key: it tries to add one too.
        SigningKeyRing racing = TestKeyRings.ring(new RacingRepository(repository));

        racing.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        otherInstance.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));

        assertEquals(1, repository.findAll().size());
        assertEquals(ring.currentKeyId(SigningAlgorithm.ES256), racing.currentKeyId(SigningAlgorithm.ES256));
        assertEquals(ring.currentKeyId(SigningAlgorithm.ES256), otherInstance.currentKeyId(SigningAlgorithm.ES256));
    }

    /** A repository whose first findAll answers as if it were empty, as when another instance added a key meanwhile. */
    private static final class RacingRepository implements SigningKeyRepository {
        private final SigningKeyRepository delegate;
        private boolean first = true;

        RacingRepository(SigningKeyRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<SigningKey> findAll() {
            if (first) {
                first = false;
                return List.of();
            }
            return delegate.findAll();
        }

        @Override
        public Optional<SigningKey> findById(KeyId id) {
            return delegate.findById(id);
        }

        @Override
        public void add(SigningKey key) {
            delegate.add(key);
        }

        @Override
        public boolean promote(KeyId next, Instant at) {
            return delegate.promote(next, at);
        }

        @Override
        public int replaceEncryptedPrivateKeys(Map<KeyId, byte[]> encrypted) {
            return delegate.replaceEncryptedPrivateKeys(encrypted);
        }

        @Override
        public boolean delete(KeyId id) {
            return delegate.delete(id);
        }
    }

    @Test
    void ensureCurrentKeysWhenOnlyRetiredKeyStoredThenNewCurrentKeyGenerated() {
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        SigningKey old = repository.findAll().get(0);
        repository.delete(old.id());
        repository.add(old.retired(TestKeyRings.CLOCK.instant()));

        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));

        assertEquals(1, repository.findAll().stream().filter(key -> key.state() == KeyState.CURRENT).count());
        assertEquals(2, repository.findAll().size());
    }

    @Test
    void ensureCurrentKeysWhenStoredKeysUnderOtherMasterKeyThenIllegalState() { // fail closed
        ring.ensureCurrentKeys(EC_ONLY);
        SigningKeyRing other = TestKeyRings.ring(repository, MasterKey.generate(new SecureRandom()));

        assertThrows(IllegalStateException.class, () -> other.ensureCurrentKeys(EC_ONLY));
    }

    @Test
    void keyWhenGeneratedThenStampedWithClockAndKidMatchesJwk() {
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));

        SigningKey key = repository.findAll().get(0);
        assertEquals(TestKeyRings.CLOCK.instant(), key.createdAt());
        assertTrue(key.publicJwk().contains("\"kid\":\"" + key.id().value() + "\""), key.publicJwk());
    }

    @Test
    void publicJwksWhenLoadedThenEveryKeyWithoutPrivateParts() { // RFC 7517 §5, RFC 7518 §6.2.2 and §6.3.2
        ring.ensureCurrentKeys(ALGORITHMS);

        List<Map<String, Object>> keys = jwks(ring.publicJwks());

        assertEquals(2, keys.size());
        for (Map<String, Object> key : keys) {
            for (String privatePart : List.of("d", "p", "q", "dp", "dq", "qi", "oth")) {
                assertFalse(key.containsKey(privatePart), privatePart + " published in " + key);
            }
        }
    }

    @Test
    void publicJwksWhenLoadedThenKidsAreStoredKeyIds() {
        ring.ensureCurrentKeys(EC_ONLY);

        Set<Object> kids = jwks(ring.publicJwks()).stream().map(key -> key.get("kid")).collect(Collectors.toSet());

        assertEquals(repository.findAll().stream().map(key -> key.id().value()).collect(Collectors.toSet()), kids);
    }

    @Test
    void publicJwksWhenNotLoadedThenEmptyKeySet() {
        Map<String, Object> jwks = ring.publicJwks();

        assertEquals(Map.of("keys", List.of()), jwks);
    }

    @Test
    void publicJwksWhenNextKeyStoredThenPublishedBeforeItSigns() { // DESIGN.md "Keys": next is published
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        SigningKeyGenerator generator = new SigningKeyGenerator(new PrivateKeyCipher(TestKeyRings.MASTER_KEY,
                new SecureRandom()), new SecureRandomTokenValueGenerator(
                new SecureRandom()), TestKeyRings.CLOCK);
        SigningKey next = generator.generate(SigningAlgorithm.ES256, KeyState.NEXT);
        repository.add(next);

        ring.reload();

        assertTrue(jwks(ring.publicJwks()).stream().anyMatch(key -> next.id().value().equals(key.get("kid"))));
        assertFalse(ring.current(SigningAlgorithm.ES256).orElseThrow().id().equals(next.id()));
    }

    @Test
    void reloadWhenNothingChangedThenSamePublishedSet() { // verifiers and verified tokens are kept
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256));
        Map<String, Object> before = ring.publicJwks();

        ring.reload();

        assertSame(before, ring.publicJwks());
    }

    @Test
    void reloadWhenKeyDeletedThenNewPublishedSet() { // verifiers and verified tokens are dropped
        ring.ensureCurrentKeys(EnumSet.of(SigningAlgorithm.ES256, SigningAlgorithm.RS256));
        Map<String, Object> before = ring.publicJwks();
        repository.delete(ring.currentKeyId(SigningAlgorithm.RS256).orElseThrow());

        ring.reload();

        assertNotSame(before, ring.publicJwks());
        assertEquals(1, jwks(ring.publicJwks()).size());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jwks(Map<String, Object> set) {
        return (List<Map<String, Object>>) set.get("keys");
    }

    @Test
    void publicJwksWhenCallerTriesToChangeItThenUnsupportedOperation() {
        ring.ensureCurrentKeys(EC_ONLY);
        Map<String, Object> jwks = ring.publicJwks();

        assertThrows(UnsupportedOperationException.class, jwks::clear);
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) jwks.get("keys")).clear());
    }
}
