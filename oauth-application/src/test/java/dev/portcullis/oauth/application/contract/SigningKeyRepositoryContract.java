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
        return new SigningKey(new KeyId(kid), SigningAlgorithm.ES256, KeyState.NEXT, jwk, sealed, createdAt);
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

    @Test
    void updateWhenPresentThenStateStoredAndTrue() {
        SigningKey key = key("rotating", T0);
        repository.add(key);

        boolean updated = repository.update(key.withState(KeyState.CURRENT));

        assertTrue(updated);
        assertEquals(Optional.of(key.withState(KeyState.CURRENT)), repository.findById(key.id()));
    }

    @Test
    void updateWhenStepsThroughLifecycleThenLastStateStored() {
        SigningKey key = key("rotating", T0);
        repository.add(key);

        repository.update(key.withState(KeyState.CURRENT));
        repository.update(key.withState(KeyState.RETIRED));

        assertEquals(KeyState.RETIRED, repository.findById(key.id()).orElseThrow().state());
    }

    @Test
    void updateWhenOtherFieldsDifferThenOnlyStateChanges() {
        SigningKey stored = key("rotating", T0);
        repository.add(stored);
        SigningKey other = new SigningKey(stored.id(), SigningAlgorithm.RS256, KeyState.RETIRED, "{\"other\":true}",
                new byte[] {9}, T0.plusSeconds(5));

        repository.update(other);

        assertEquals(Optional.of(stored.withState(KeyState.RETIRED)), repository.findById(stored.id()));
    }

    @Test
    void updateWhenUnknownThenFalseAndNothingStored() {
        boolean updated = repository.update(key("unknown", T0).withState(KeyState.CURRENT));

        assertFalse(updated);
        assertEquals(List.of(), repository.findAll());
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
