package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.AssertionJtiRepository;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AssertionJtiRepository} adapter must show. Subclass it once per adapter
 * and implement {@link #emptyRepository()}. A {@code jti} is single use per client until pruned,
 * also under concurrency.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7523#section-3">RFC 7523 §3 item 7</a>
 */
public abstract class AssertionJtiRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final ClientId CLIENT = new ClientId("client-1");
    private static final ClientId OTHER = new ClientId("client-2");

    private AssertionJtiRepository repository;

    /** A repository with no recorded value; called before each test. */
    protected abstract AssertionJtiRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    @Test
    void useWhenFirstTimeThenTrue() {
        boolean first = repository.use(CLIENT, "jti-1", T0.plusSeconds(60));

        assertTrue(first);
    }

    @Test
    void useWhenUsedBeforeThenFalse() { // RFC 7523 §3 item 7
        repository.use(CLIENT, "jti-1", T0.plusSeconds(60));

        boolean again = repository.use(CLIENT, "jti-1", T0.plusSeconds(120));

        assertFalse(again);
    }

    @Test
    void useWhenOtherClientUsedSameJtiThenTrue() {
        repository.use(OTHER, "jti-1", T0.plusSeconds(60));

        boolean first = repository.use(CLIENT, "jti-1", T0.plusSeconds(60));

        assertTrue(first);
    }

    @Test
    void useWhenJtiDiffersOnlyInCaseThenTrue() {
        repository.use(CLIENT, "AbC", T0.plusSeconds(60));

        boolean first = repository.use(CLIENT, "abc", T0.plusSeconds(60));

        assertTrue(first);
    }

    @Test
    void useWhenLongestJtiThenRecorded() {
        String jti = "j".repeat(AssertionJtiRepository.MAX_JTI_LENGTH);

        assertTrue(repository.use(CLIENT, jti, T0.plusSeconds(60)));
        assertFalse(repository.use(CLIENT, jti, T0.plusSeconds(60)));
    }

    @Test
    void useWhenJtiTooLongThenIllegalArgument() {
        String jti = "j".repeat(AssertionJtiRepository.MAX_JTI_LENGTH + 1);

        assertThrows(IllegalArgumentException.class, () -> repository.use(CLIENT, jti, T0.plusSeconds(60)));
    }

    @Test
    void useWhenJtiEmptyThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> repository.use(CLIENT, "", T0.plusSeconds(60)));
    }

    @Test
    void useWhenSixteenThreadsUseOneJtiThenExactlyOneSucceeds() {
        List<Boolean> results = Race.run(16, i -> repository.use(CLIENT, "jti-raced", T0.plusSeconds(60)));

        assertEquals(1, results.stream().filter(Boolean::booleanValue).count());
    }

    @Test
    void useWhenSixteenThreadsUseDistinctJtisThenEachSucceeds() {
        List<Boolean> results = Race.run(16, i -> repository.use(CLIENT, "jti-" + i, T0.plusSeconds(60)));

        assertTrue(results.stream().allMatch(Boolean::booleanValue));
    }

    @Test
    void useWhenExpiredButNotPrunedThenStillFalse() {
        repository.use(CLIENT, "jti-1", T0.plusSeconds(1));

        boolean again = repository.use(CLIENT, "jti-1", T0.plusSeconds(600));

        assertFalse(again);
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenOnlyThoseRemovedAndCounted() {
        repository.use(CLIENT, "expired", T0.plusSeconds(10));
        repository.use(OTHER, "also-expired", T0.plusSeconds(20));
        repository.use(CLIENT, "boundary", T0.plusSeconds(30));
        repository.use(CLIENT, "live", T0.plusSeconds(40));

        int deleted = repository.deleteExpired(T0.plusSeconds(30), 100);

        assertEquals(2, deleted);
        assertEquals(List.of(true, true, false, false), List.of(repository.use(CLIENT, "expired", T0),
                repository.use(OTHER, "also-expired", T0), repository.use(CLIENT, "boundary", T0),
                repository.use(CLIENT, "live", T0)));
    }

    @Test
    void deleteExpiredWhenMoreThanLimitThenRemovesAtMostLimitPerCall() {
        IntStream.range(0, 5).forEach(i -> repository.use(CLIENT, "expired-" + i, T0.plusSeconds(1 + i)));
        repository.use(CLIENT, "live", T0.plusSeconds(100));

        List<Integer> deleted = List.of(repository.deleteExpired(T0.plusSeconds(50), 2),
                repository.deleteExpired(T0.plusSeconds(50), 2), repository.deleteExpired(T0.plusSeconds(50), 2));

        assertEquals(List.of(2, 2, 1), deleted);
        assertFalse(repository.use(CLIENT, "live", T0));
    }

    @Test
    void deleteExpiredWhenLimitNegativeThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> repository.deleteExpired(T0, -1));
    }
}
