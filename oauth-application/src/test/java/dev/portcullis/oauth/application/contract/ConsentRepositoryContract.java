package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.port.ConsentRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConsentRepository} adapter must show. Subclass it once per adapter
 * and implement {@link #emptyRepository()}; an adapter that requires the client to be registered
 * first also overrides {@link #registerClient(ClientId)}. Times are stored to the microsecond.
 */
public abstract class ConsentRepositoryContract {

    /** Every client id the tests give consent to. */
    protected static final List<ClientId> CLIENTS = List.of("app", "other", "b", "B", "a", "_x", "a-1", "a1", "A b", "z")
            .stream().map(ClientId::new).toList();

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Subject ALICE = new Subject("alice");
    private static final Subject BOB = new Subject("bob");
    private static final ClientId APP = new ClientId("app");
    private static final ClientId OTHER = new ClientId("other");

    private ConsentRepository repository;

    /** A repository holding no consent; called before each test. */
    protected abstract ConsentRepository emptyRepository();

    /** Makes {@code clientId} known where consents refer to registered clients; nothing by default. */
    protected void registerClient(ClientId clientId) {
    }

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
        CLIENTS.forEach(this::registerClient);
    }

    private static Consent consent(Subject subject, ClientId clientId, String... scopes) {
        return new Consent(subject, clientId, ScopeSet.of(scopes), T0.plusNanos(42_000));
    }

    @Test
    void findWhenAbsentThenEmpty() {
        Optional<Consent> found = repository.find(ALICE, APP);

        assertEquals(Optional.empty(), found);
    }

    @Test
    void saveWhenNewThenFindReturnsIt() {
        Consent consent = consent(ALICE, APP, "openid", "read");

        repository.save(consent);

        assertEquals(Optional.of(consent), repository.find(ALICE, APP));
    }

    @Test
    void saveWhenScopesNotSortedThenOrderPreserved() {
        repository.save(consent(ALICE, APP, "zeta", "openid", "alpha", "admin:all"));

        Consent found = repository.find(ALICE, APP).orElseThrow();

        assertEquals(List.of("zeta", "openid", "alpha", "admin:all"), List.copyOf(found.scope().values()));
    }

    @Test
    void saveWhenScopeEmptyThenRoundTrips() {
        Consent consent = new Consent(ALICE, APP, ScopeSet.EMPTY, T0);

        repository.save(consent);

        assertEquals(Optional.of(consent), repository.find(ALICE, APP));
    }

    @Test
    void saveWhenLargestScopeSetThenRoundTrips() {
        ScopeSet largest = ScopeSet.of(IntStream.range(0, ScopeSet.MAX_SIZE)
                .mapToObj(i -> String.format("%03d", i) + "s".repeat(125)).toList());
        Consent consent = new Consent(new Subject("u".repeat(255)), APP, largest, T0);

        repository.save(consent);

        assertEquals(Optional.of(consent), repository.find(consent.subject(), APP));
    }

    @Test
    void saveWhenConsentExistsThenReplacedWhole() {
        repository.save(consent(ALICE, APP, "openid", "read", "write"));
        Consent replacement = new Consent(ALICE, APP, ScopeSet.of("profile"), T0.plusSeconds(3600));

        repository.save(replacement);

        assertEquals(Optional.of(replacement), repository.find(ALICE, APP));
        assertEquals(List.of(replacement), repository.findBySubject(ALICE));
    }

    @Test
    void saveWhenReplacedByNarrowerScopeThenWiderNoLongerCovered() {
        repository.save(consent(ALICE, APP, "openid", "read", "write"));

        repository.save(consent(ALICE, APP, "openid"));

        assertFalse(repository.find(ALICE, APP).orElseThrow().covers(ScopeSet.of("read")));
    }

    @Test
    void saveWhenSameClientOtherUserThenKeptApart() {
        Consent alice = consent(ALICE, APP, "read");
        Consent bob = consent(BOB, APP, "write");

        repository.save(alice);
        repository.save(bob);

        assertEquals(Optional.of(alice), repository.find(ALICE, APP));
        assertEquals(Optional.of(bob), repository.find(BOB, APP));
    }

    @Test
    void findWhenSubjectDiffersOnlyInCaseThenEmpty() {
        repository.save(consent(ALICE, APP, "read"));

        Optional<Consent> found = repository.find(new Subject("ALICE"), APP);

        assertEquals(Optional.empty(), found);
    }

    @Test
    void findBySubjectWhenNoneThenEmptyList() {
        repository.save(consent(BOB, APP, "read"));

        List<Consent> found = repository.findBySubject(ALICE);

        assertEquals(List.of(), found);
    }

    @Test
    void findBySubjectWhenSeveralClientsThenOnlyOwnOrderedByClientId() {
        CLIENTS.forEach(client -> repository.save(consent(ALICE, client, "read")));
        repository.save(consent(BOB, APP, "write"));

        List<String> found = repository.findBySubject(ALICE).stream().map(consent -> consent.clientId().value()).toList();

        assertEquals(CLIENTS.stream().map(ClientId::value).sorted().toList(), found);
    }

    @Test
    void findBySubjectWhenSavedThenEveryFieldRoundTrips() {
        Consent app = consent(ALICE, APP, "openid", "read");
        Consent other = new Consent(ALICE, OTHER, ScopeSet.of("write"), T0.minusSeconds(86_400));
        repository.save(other);
        repository.save(app);

        List<Consent> found = repository.findBySubject(ALICE);

        assertEquals(List.of(app, other), found);
    }

    @Test
    void deleteWhenPresentThenTrueAndOnlyThatConsentGone() {
        repository.save(consent(ALICE, APP, "read"));
        Consent aliceOther = consent(ALICE, OTHER, "read");
        Consent bobApp = consent(BOB, APP, "read");
        repository.save(aliceOther);
        repository.save(bobApp);

        boolean deleted = repository.delete(ALICE, APP);

        assertTrue(deleted);
        assertEquals(Optional.empty(), repository.find(ALICE, APP));
        assertEquals(List.of(aliceOther), repository.findBySubject(ALICE));
        assertEquals(Optional.of(bobApp), repository.find(BOB, APP));
    }

    @Test
    void deleteWhenUnknownThenFalse() {
        repository.save(consent(ALICE, APP, "read"));

        boolean deleted = repository.delete(ALICE, OTHER);

        assertFalse(deleted);
        assertEquals(1, repository.findBySubject(ALICE).size());
    }

    @Test
    void deleteWhenDeletedTwiceThenSecondFalse() {
        repository.save(consent(ALICE, APP, "read"));
        repository.delete(ALICE, APP);

        boolean deleted = repository.delete(ALICE, APP);

        assertFalse(deleted);
    }

    @Test
    void saveWhenDeletedBeforeThenStoredAgain() {
        Consent consent = consent(ALICE, APP, "read");
        repository.save(consent);
        repository.delete(ALICE, APP);

        repository.save(consent);

        assertEquals(Optional.of(consent), repository.find(ALICE, APP));
    }

    @Test
    void saveWhenSixteenThreadsReplaceOneConsentThenOneWholeVersionStored() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                repository.save(variant(i));
                repository.find(ALICE, APP).orElseThrow();
            }
            return i;
        });

        Consent stored = repository.find(ALICE, APP).orElseThrow();
        int winner = (int) (stored.grantedAt().getEpochSecond() - T0.getEpochSecond());
        assertEquals(variant(winner), stored);
        assertEquals(1, repository.findBySubject(ALICE).size());
    }

    @Test
    void deleteWhenSixteenThreadsSaveAndDeleteOneConsentThenEveryCallSucceeds() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                if ((i + round) % 2 == 0) {
                    repository.save(variant(i));
                } else {
                    repository.delete(ALICE, APP);
                }
            }
            return i;
        });

        repository.find(ALICE, APP).ifPresent(stored -> assertEquals(
                variant((int) (stored.grantedAt().getEpochSecond() - T0.getEpochSecond())), stored));
    }

    /** Version {@code i} of Alice's consent for the app; its time says which version it is. */
    private static Consent variant(int i) {
        return new Consent(ALICE, APP, ScopeSet.of("s" + i, "common", "t" + i), T0.plusSeconds(i));
    }
}
