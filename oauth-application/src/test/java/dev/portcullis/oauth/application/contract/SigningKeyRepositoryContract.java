package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.key.KeyId;
import dev.portcullis.oauth.domain.key.KeyState;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.key.SigningKey;
import dev.portcullis.oauth.domain.port.SigningKeyRepository;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link SigningKeyRepository} adapter must show. Subclass it once per adapter
 * and implement {@link #emptyRepository()}. Creation times are stored to the microsecond.
 */
public abstract class SigningKeyRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private SigningKeyRepository repository;

    /** A repository holding no key; called before each test. */
    protected abstract SigningKeyRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    private static SigningKey key(String kid, Instant createdAt) {
        byte[] sealed = new byte[300];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = (byte) (i * 7 + kid.length());
        }
        String jwk = "{\"kty\":\"EC\", \"crv\":\"P-256\", \"kid\":\"" + kid + "\",\n \"x\":\"f83O\",  \"y\":\"x_FE\"}";
        // Retired, so that any number of them may coexist (one next and one current key per algorithm).
        return new SigningKey(new KeyId(kid), SigningAlgorithm.ES256, KeyState.RETIRED, jwk, sealed, createdAt);
    }

    @Test
    void findAllWhenEmptyThenEmptyList() {
        List<SigningKey> all = repository.findAll();

        assertEquals(List.of(), all);
    }

    @Test
    void findByIdWhenAbsentThenEmpty() {
        Optional<SigningKey> found = repository.findById(new KeyId("unknown"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void addWhenNewThenEveryFieldRoundTrips() {
        SigningKey key = new SigningKey(new KeyId("k-1_A.b"), SigningAlgorithm.PS256, KeyState.CURRENT,
                "{\"kty\":\"RSA\",\n  \"n\": \"0vx7\", \"e\":\"AQAB\"}", new byte[] {0, -1, 127, -128, 1, 0},
                Instant.parse("2026-03-04T05:06:07.123456Z"));

        repository.add(key);

        SigningKey found = repository.findById(key.id()).orElseThrow();
        assertEquals(key, found);
        assertEquals(key.publicJwk(), found.publicJwk());
        assertArrayEquals(key.encryptedPrivateKey(), found.encryptedPrivateKey());
        assertEquals(key.createdAt(), found.createdAt());
    }

    @Test
    void addWhenEveryAlgorithmAndStateThenRoundTrips() {
        List<SigningKey> keys = IntStream.range(0, SigningAlgorithm.values().length)
                .mapToObj(i -> new SigningKey(new KeyId("alg-" + i), SigningAlgorithm.values()[i],
                        KeyState.values()[i % KeyState.values().length], "{}", new byte[] {(byte) i},
                        T0.plusSeconds(i)))
                .toList();

        keys.forEach(repository::add);

        assertEquals(keys, repository.findAll());
    }

    @Test
    void addWhenIdExistsThenIllegalStateExceptionAndStoredKeyKept() {
        SigningKey first = key("dup", T0);
        repository.add(first);
        SigningKey second = key("dup", T0.plusSeconds(60)).withState(KeyState.CURRENT);

        assertThrows(IllegalStateException.class, () -> repository.add(second));

        assertEquals(List.of(first), repository.findAll());
    }

    @Test
    void addWhenSixteenThreadsAddSameIdThenExactlyOneSucceeds() {
        List<Boolean> added = Race.run(16, i -> {
            try {
                repository.add(key("contended", T0.plusSeconds(i)));
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        });

        int winner = added.indexOf(true);
        assertEquals(1, added.stream().filter(Boolean::booleanValue).count());
        assertEquals(List.of(key("contended", T0.plusSeconds(winner))), repository.findAll());
    }

    @Test
    void addWhenSixteenThreadsAddDistinctKeysThenEveryKeyStored() {
        List<SigningKey> found = Race.run(16, i -> {
            repository.add(key("key-" + i, T0.plusSeconds(i)));
            return repository.findById(new KeyId("key-" + i)).orElseThrow();
        });

        IntStream.range(0, 16).forEach(i -> assertEquals(key("key-" + i, T0.plusSeconds(i)), found.get(i)));
        assertEquals(IntStream.range(0, 16).mapToObj(i -> key("key-" + i, T0.plusSeconds(i))).toList(),
                repository.findAll());
    }

    @Test
    void findAllWhenSeveralThenOldestFirst() {
        SigningKey newest = key("a-newest", T0.plusSeconds(7200));
        SigningKey oldest = key("z-oldest", T0.minusSeconds(86_400 * 400L));
        SigningKey middle = key("m-middle", T0.plusNanos(1_000));
        repository.add(newest);
        repository.add(oldest);
        repository.add(middle);

        List<SigningKey> all = repository.findAll();

        assertEquals(List.of(oldest, middle, newest), all);
    }

    @Test
    void findAllWhenSameCreationTimeThenOrderedById() {
        List<String> kids = List.of("b", "B", "a", "_x", "a-1", "a1", "A");
        kids.forEach(kid -> repository.add(key(kid, T0)));

        List<String> found = repository.findAll().stream().map(k -> k.id().value()).toList();

        assertEquals(kids.stream().sorted().toList(), found);
    }

    private static SigningKey keyOf(String kid, SigningAlgorithm algorithm, KeyState state, Instant createdAt) {
        return new SigningKey(new KeyId(kid), algorithm, state, "{\"kid\":\"" + kid + "\"}", new byte[] {1, 2, 3},
                createdAt);
    }

    @Test
    void addWhenLifecycleTimesGivenThenTheyRoundTrip() {
        SigningKey retired = keyOf("old", SigningAlgorithm.RS256, KeyState.NEXT, T0)
                .activated(T0.plusSeconds(3600)).retired(T0.plusSeconds(86_400));

        repository.add(retired);

        assertEquals(Optional.of(retired), repository.findById(retired.id()));
        assertEquals(Optional.of(T0.plusSeconds(3600)), repository.findById(retired.id()).orElseThrow().activatedAt());
        assertEquals(Optional.of(T0.plusSeconds(86_400)), repository.findById(retired.id()).orElseThrow().retiredAt());
    }

    @Test
    void addWhenAlgorithmHasCurrentKeyThenSecondCurrentRefused() {
        SigningKey first = keyOf("first", SigningAlgorithm.RS256, KeyState.CURRENT, T0);
        repository.add(first);

        assertThrows(IllegalStateException.class,
                () -> repository.add(keyOf("second", SigningAlgorithm.RS256, KeyState.CURRENT, T0.plusSeconds(1))));

        assertEquals(List.of(first), repository.findAll());
    }

    @Test
    void addWhenAlgorithmHasNextKeyThenSecondNextRefused() {
        repository.add(keyOf("first", SigningAlgorithm.ES256, KeyState.NEXT, T0));

        assertThrows(IllegalStateException.class,
                () -> repository.add(keyOf("second", SigningAlgorithm.ES256, KeyState.NEXT, T0)));

        assertEquals(1, repository.findAll().size());
    }

    @Test
    void addWhenOtherAlgorithmOrRetiredThenAccepted() {
        repository.add(keyOf("rs", SigningAlgorithm.RS256, KeyState.CURRENT, T0));
        repository.add(keyOf("es", SigningAlgorithm.ES256, KeyState.CURRENT, T0));
        repository.add(keyOf("rs-next", SigningAlgorithm.RS256, KeyState.NEXT, T0));
        repository.add(keyOf("rs-old-1", SigningAlgorithm.RS256, KeyState.RETIRED, T0));
        repository.add(keyOf("rs-old-2", SigningAlgorithm.RS256, KeyState.RETIRED, T0));

        List<SigningKey> all = repository.findAll();

        assertEquals(5, all.size());
    }

    @Test
    void addWhenSixteenThreadsAddCurrentKeysOfOneAlgorithmThenExactlyOneSucceeds() {
        List<Boolean> added = Race.run(16, i -> {
            try {
                repository.add(keyOf("instance-" + i, SigningAlgorithm.RS256, KeyState.CURRENT, T0.plusSeconds(i)));
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        });

        assertEquals(1, added.stream().filter(Boolean::booleanValue).count());
        assertEquals(List.of("instance-" + added.indexOf(true)),
                repository.findAll().stream().map(k -> k.id().value()).toList());
    }

    @Test
    void promoteWhenNextAndCurrentThenNextCurrentAndCurrentRetiredAtTheSameInstant() {
        SigningKey current = keyOf("current", SigningAlgorithm.RS256, KeyState.NEXT, T0).activated(T0);
        SigningKey next = keyOf("next", SigningAlgorithm.RS256, KeyState.NEXT, T0.plusSeconds(60));
        SigningKey otherAlgorithm = keyOf("es", SigningAlgorithm.ES256, KeyState.CURRENT, T0);
        repository.add(current);
        repository.add(next);
        repository.add(otherAlgorithm);
        Instant at = T0.plusSeconds(7200);

        boolean promoted = repository.promote(next.id(), at);

        assertTrue(promoted);
        assertEquals(Optional.of(next.activated(at)), repository.findById(next.id()));
        assertEquals(Optional.of(current.retired(at)), repository.findById(current.id()));
        assertEquals(Optional.of(otherAlgorithm), repository.findById(otherAlgorithm.id()));
    }

    @Test
    void promoteWhenNoCurrentKeyThenNextBecomesCurrent() {
        SigningKey next = keyOf("next", SigningAlgorithm.EDDSA, KeyState.NEXT, T0);
        repository.add(next);

        boolean promoted = repository.promote(next.id(), T0.plusSeconds(5));

        assertTrue(promoted);
        assertEquals(Optional.of(next.activated(T0.plusSeconds(5))), repository.findById(next.id()));
    }

    @Test
    void promoteWhenKeyIsNotNextThenFalseAndNothingChanged() {
        SigningKey current = keyOf("current", SigningAlgorithm.RS256, KeyState.CURRENT, T0);
        SigningKey retired = keyOf("retired", SigningAlgorithm.RS256, KeyState.RETIRED, T0);
        repository.add(current);
        repository.add(retired);

        boolean promotedCurrent = repository.promote(current.id(), T0.plusSeconds(1));
        boolean promotedRetired = repository.promote(retired.id(), T0.plusSeconds(1));
        boolean promotedUnknown = repository.promote(new KeyId("unknown"), T0.plusSeconds(1));

        assertFalse(promotedCurrent || promotedRetired || promotedUnknown);
        assertEquals(List.of(current, retired), repository.findAll());
    }

    @Test
    void promoteWhenSixteenThreadsPromoteTheSameNextKeyThenExactlyOneSucceeds() {
        SigningKey current = keyOf("current", SigningAlgorithm.RS256, KeyState.CURRENT, T0);
        SigningKey next = keyOf("next", SigningAlgorithm.RS256, KeyState.NEXT, T0);
        repository.add(current);
        repository.add(next);

        List<Boolean> promoted = Race.run(16, i -> repository.promote(next.id(), T0.plusSeconds(100 + i)));

        int winner = promoted.indexOf(true);
        assertEquals(1, promoted.stream().filter(Boolean::booleanValue).count());
        assertEquals(Optional.of(next.activated(T0.plusSeconds(100 + winner))), repository.findById(next.id()));
        assertEquals(Optional.of(current.retired(T0.plusSeconds(100 + winner))), repository.findById(current.id()));
    }

    @Test
    void replaceEncryptedPrivateKeysWhenNamedThenOnlyThoseChange() {
        SigningKey first = keyOf("first", SigningAlgorithm.RS256, KeyState.CURRENT, T0);
        SigningKey second = keyOf("second", SigningAlgorithm.ES256, KeyState.CURRENT, T0);
        SigningKey third = keyOf("third", SigningAlgorithm.ES256, KeyState.NEXT, T0);
        repository.add(first);
        repository.add(second);
        repository.add(third);

        int changed = repository.replaceEncryptedPrivateKeys(Map.of(first.id(), new byte[] {9, 8},
                third.id(), new byte[] {7}, new KeyId("gone"), new byte[] {6}));

        assertEquals(2, changed);
        assertEquals(Optional.of(first.withEncryptedPrivateKey(new byte[] {9, 8})), repository.findById(first.id()));
        assertEquals(Optional.of(second), repository.findById(second.id()));
        assertEquals(Optional.of(third.withEncryptedPrivateKey(new byte[] {7})), repository.findById(third.id()));
    }

    @Test
    void replaceEncryptedPrivateKeysWhenEmptyThenNothingChanges() {
        SigningKey key = keyOf("kept", SigningAlgorithm.RS256, KeyState.CURRENT, T0);
        repository.add(key);

        int changed = repository.replaceEncryptedPrivateKeys(Map.of());

        assertEquals(0, changed);
        assertEquals(List.of(key), repository.findAll());
    }

    @Test
    void deleteWhenPresentThenTrueAndGone() {
        SigningKey key = key("removed", T0);
        repository.add(key);

        boolean deleted = repository.delete(key.id());

        assertTrue(deleted);
        assertEquals(Optional.empty(), repository.findById(key.id()));
    }

    @Test
    void deleteWhenUnknownThenFalse() {
        repository.add(key("kept", T0));

        boolean deleted = repository.delete(new KeyId("unknown"));

        assertFalse(deleted);
        assertEquals(1, repository.findAll().size());
    }

    @Test
    void addWhenDeletedBeforeThenStoredAgain() {
        SigningKey key = key("again", T0);
        repository.add(key);
        repository.delete(key.id());

        repository.add(key);

        assertEquals(Optional.of(key), repository.findById(key.id()));
    }

    @Test
    void findByIdWhenResultChangedThenStoredKeyUnchanged() {
        SigningKey key = key("copied", T0);
        repository.add(key);

        repository.findById(key.id()).orElseThrow().encryptedPrivateKey()[0] ^= 1;

        assertEquals(Optional.of(key), repository.findById(key.id()));
    }
}
