package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.port.BrowserSessionRepository;
import dev.portcullis.oauth.domain.session.BrowserSession;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BrowserSessionRepository} adapter must show. Subclass it once per
 * adapter and implement {@link #emptyRepository()}. Times are stored to the microsecond.
 */
public abstract class BrowserSessionRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private BrowserSessionRepository repository;

    /** A repository holding no session; called before each test. */
    protected abstract BrowserSessionRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    private static BrowserSession session(String cookie, String subject, Instant expiresAt) {
        return new BrowserSession(TokenHash.of(cookie), new Subject(subject), T0.plusNanos(9_000), expiresAt);
    }

    private static BrowserSession session(String cookie) {
        return session(cookie, "alice", T0.plusSeconds(3600));
    }

    private Optional<BrowserSession> find(BrowserSession session) {
        return repository.findByIdHash(session.idHash());
    }

    @Test
    void findByIdHashWhenAbsentThenEmpty() {
        Optional<BrowserSession> found = repository.findByIdHash(TokenHash.of("unknown"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void saveWhenNewThenEveryFieldRoundTrips() {
        BrowserSession session = session("cookie");

        repository.save(session);

        assertEquals(Optional.of(session), find(session));
    }

    @Test
    void saveWhenLongestSubjectThenRoundTrips() {
        BrowserSession session = session("cookie", "~".repeat(255), T0.plusSeconds(1));

        repository.save(session);

        assertEquals(Optional.of(session), find(session));
    }

    @Test
    void saveWhenSessionExistsThenReplacedWhole() {
        repository.save(session("cookie"));
        BrowserSession replacement = new BrowserSession(TokenHash.of("cookie"), new Subject("bob"), T0.plusSeconds(600),
                T0.plusSeconds(7200));

        repository.save(replacement);

        assertEquals(Optional.of(replacement), find(replacement));
    }

    @Test
    void saveWhenOtherSessionsStoredThenTheyAreUnchanged() {
        BrowserSession first = session("first", "alice", T0.plusSeconds(60));
        BrowserSession second = session("second", "alice", T0.plusSeconds(120));

        repository.save(first);
        repository.save(second);

        assertEquals(Optional.of(first), find(first));
        assertEquals(Optional.of(second), find(second));
    }

    @Test
    void findByIdHashWhenHashDiffersOnlyInCaseThenEmpty() {
        repository.save(new BrowserSession("AbC", new Subject("alice"), T0, T0.plusSeconds(1)));

        Optional<BrowserSession> found = repository.findByIdHash("abc");

        assertEquals(Optional.empty(), found);
    }

    @Test
    void deleteWhenPresentThenTrueAndOnlyThatSessionGone() {
        BrowserSession ended = session("ended");
        BrowserSession kept = session("kept");
        repository.save(ended);
        repository.save(kept);

        boolean deleted = repository.delete(ended.idHash());

        assertTrue(deleted);
        assertEquals(Optional.empty(), find(ended));
        assertEquals(Optional.of(kept), find(kept));
    }

    @Test
    void deleteWhenUnknownThenFalse() {
        boolean deleted = repository.delete(TokenHash.of("unknown"));

        assertFalse(deleted);
    }

    @Test
    void deleteWhenDeletedTwiceThenSecondFalse() {
        BrowserSession session = session("once");
        repository.save(session);
        repository.delete(session.idHash());

        boolean deleted = repository.delete(session.idHash());

        assertFalse(deleted);
    }

    @Test
    void saveWhenDeletedBeforeThenStoredAgain() {
        BrowserSession session = session("again");
        repository.save(session);
        repository.delete(session.idHash());

        repository.save(session);

        assertEquals(Optional.of(session), find(session));
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenOnlyThoseRemovedAndCounted() {
        BrowserSession expired = session("expired", "a", T0.plusSeconds(10));
        BrowserSession alsoExpired = session("also-expired", "b", T0.plusSeconds(20));
        BrowserSession atBoundary = session("boundary", "c", T0.plusSeconds(30));
        BrowserSession live = session("live", "d", T0.plusSeconds(40));
        List.of(expired, alsoExpired, atBoundary, live).forEach(repository::save);

        int deleted = repository.deleteExpired(T0.plusSeconds(30), 100);

        assertEquals(2, deleted);
        assertEquals(Optional.empty(), find(expired));
        assertEquals(Optional.empty(), find(alsoExpired));
        assertEquals(Optional.of(atBoundary), find(atBoundary));
        assertEquals(Optional.of(live), find(live));
    }

    @Test
    void deleteExpiredWhenMoreThanLimitThenRemovesAtMostLimitPerCall() {
        IntStream.range(0, 5).forEach(i -> repository.save(session("expired-" + i, "a", T0.plusSeconds(1 + i))));
        BrowserSession live = session("live", "a", T0.plusSeconds(100));
        repository.save(live);

        List<Integer> deleted = List.of(repository.deleteExpired(T0.plusSeconds(50), 2),
                repository.deleteExpired(T0.plusSeconds(50), 2), repository.deleteExpired(T0.plusSeconds(50), 2));

        assertEquals(List.of(2, 2, 1), deleted);
        assertEquals(Optional.of(live), find(live));
    }

    @Test
    void deleteExpiredWhenLimitZeroThenNothingRemoved() {
        BrowserSession session = session("kept", "a", T0.plusSeconds(1));
        repository.save(session);

        int deleted = repository.deleteExpired(T0.plusSeconds(50), 0);

        assertEquals(0, deleted);
        assertEquals(Optional.of(session), find(session));
    }

    @Test
    void deleteExpiredWhenLimitNegativeThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> repository.deleteExpired(T0, -1));
    }

    @Test
    void saveWhenSixteenThreadsReplaceOneSessionThenOneWholeVersionStored() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                repository.save(variant(i));
                repository.findByIdHash(TokenHash.of("contended")).orElseThrow();
            }
            return i;
        });

        BrowserSession stored = repository.findByIdHash(TokenHash.of("contended")).orElseThrow();
        assertEquals(variant(Integer.parseInt(stored.subject().value().substring("user-".length()))), stored);
    }

    @Test
    void deleteWhenSixteenThreadsSaveAndDeleteOneSessionThenEveryCallSucceeds() {
        Race.run(16, i -> {
            for (int round = 0; round < 5; round++) {
                if ((i + round) % 2 == 0) {
                    repository.save(variant(i));
                } else {
                    repository.delete(TokenHash.of("contended"));
                }
            }
            return i;
        });

        repository.findByIdHash(TokenHash.of("contended")).ifPresent(stored -> assertEquals(
                variant(Integer.parseInt(stored.subject().value().substring("user-".length()))), stored));
    }

    /** Version {@code i} of one session; every field says which version it belongs to. */
    private static BrowserSession variant(int i) {
        return new BrowserSession(TokenHash.of("contended"), new Subject("user-" + i), T0.plusSeconds(i),
                T0.plusSeconds(3600 + i));
    }
}
