package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.port.RevokedAccessTokenRepository;
import dev.portcullis.oauth.domain.token.DenyListEntry;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RevokedAccessTokenRepository} adapter must show. Subclass it once per
 * adapter and implement {@link #emptyRepository()}. A token listed twice stays listed until the
 * later expiry. Times are stored to the microsecond.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7009#section-2.2">RFC 7009 §2.2</a>
 */
public abstract class RevokedAccessTokenRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private RevokedAccessTokenRepository repository;

    /** A repository listing no token; called before each test. */
    protected abstract RevokedAccessTokenRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    @Test
    void isRevokedWhenNotListedThenFalse() {
        boolean revoked = repository.isRevoked("jti");

        assertFalse(revoked);
    }

    @Test
    void isAnyRevokedWhenNoneListedThenFalse() {
        repository.revoke("jti-3", T0.plusSeconds(60));

        assertFalse(repository.isAnyRevoked(Set.of("jti-1", "jti-2")));
    }

    @Test
    void isAnyRevokedWhenOneListedThenTrue() {
        repository.revoke("grant:g-1", T0.plusSeconds(60));

        assertTrue(repository.isAnyRevoked(Set.of("jti-1", "grant:g-1")));
    }

    @Test
    void isAnyRevokedWhenOnlyTheLastOfSeveralListedThenTrue() {
        repository.revoke("jti-5", T0.plusSeconds(60));

        assertTrue(repository.isAnyRevoked(Set.of("jti-1", "jti-2", "jti-3", "jti-4", "jti-5")));
        assertFalse(repository.isAnyRevoked(Set.of("jti-1", "jti-2", "jti-3")));
        assertTrue(repository.isAnyRevoked(Set.of("jti-5")));
    }

    @Test
    void isAnyRevokedWhenNoIdsThenFalse() {
        repository.revoke("jti-1", T0.plusSeconds(60));

        assertFalse(repository.isAnyRevoked(Set.of()));
    }

    @Test
    void revokeWhenNewThenListed() {
        repository.revoke("jti", T0.plusSeconds(60));

        assertTrue(repository.isRevoked("jti"));
    }

    @Test
    void revokeWhenOtherTokenListedThenThisOneNotListed() {
        repository.revoke("jti-1", T0.plusSeconds(60));

        assertFalse(repository.isRevoked("jti-2"));
    }

    @Test
    void isRevokedWhenIdDiffersOnlyInCaseThenFalse() {
        repository.revoke("AbC", T0.plusSeconds(60));

        assertFalse(repository.isRevoked("abc"));
    }

    @Test
    void revokeWhenLongestIdThenListed() {
        String id = "j".repeat(255);

        repository.revoke(id, T0.plusSeconds(60));

        assertTrue(repository.isRevoked(id));
    }

    @Test
    void revokeWhenListedTwiceThenListedOnceUntilLaterExpiry() {
        repository.revoke("jti", T0.plusSeconds(60));

        repository.revoke("jti", T0.plusSeconds(120));

        assertEquals(0, repository.deleteExpired(T0.plusSeconds(90), 10));
        assertTrue(repository.isRevoked("jti"));
        assertEquals(1, repository.deleteExpired(T0.plusSeconds(121), 10));
        assertFalse(repository.isRevoked("jti"));
    }

    @Test
    void revokeWhenListedAgainWithEarlierExpiryThenLaterExpiryKept() {
        repository.revoke("jti", T0.plusSeconds(120));

        repository.revoke("jti", T0.plusSeconds(60));

        assertEquals(0, repository.deleteExpired(T0.plusSeconds(90), 10));
        assertTrue(repository.isRevoked("jti"));
    }

    @Test
    void revokeWhenSixteenThreadsListOneTokenThenListedOnceUntilLatestExpiry() {
        Race.run(16, i -> {
            repository.revoke("jti", T0.plusSeconds(60 + i));
            return i;
        });

        assertEquals(0, repository.deleteExpired(T0.plusSeconds(75), 10));
        assertEquals(1, repository.deleteExpired(T0.plusSeconds(76), 10));
    }

    @Test
    void revokeWhenSixteenThreadsListDistinctTokensThenEachListed() {
        Race.run(16, i -> {
            repository.revoke("jti-" + i, T0.plusSeconds(60));
            return i;
        });

        IntStream.range(0, 16).forEach(i -> assertTrue(repository.isRevoked("jti-" + i)));
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenOnlyThoseRemovedAndCounted() {
        repository.revoke("expired", T0.plusSeconds(10));
        repository.revoke("also-expired", T0.plusSeconds(20));
        repository.revoke("boundary", T0.plusSeconds(30));
        repository.revoke("live", T0.plusSeconds(40));

        int deleted = repository.deleteExpired(T0.plusSeconds(30), 100);

        assertEquals(2, deleted);
        assertEquals(List.of(false, false, true, true), List.of(repository.isRevoked("expired"),
                repository.isRevoked("also-expired"), repository.isRevoked("boundary"), repository.isRevoked("live")));
    }

    @Test
    void deleteExpiredWhenMoreThanLimitThenRemovesAtMostLimitPerCall() {
        IntStream.range(0, 5).forEach(i -> repository.revoke("expired-" + i, T0.plusSeconds(1 + i)));
        repository.revoke("live", T0.plusSeconds(100));

        List<Integer> deleted = List.of(repository.deleteExpired(T0.plusSeconds(50), 2),
                repository.deleteExpired(T0.plusSeconds(50), 2), repository.deleteExpired(T0.plusSeconds(50), 2));

        assertEquals(List.of(2, 2, 1), deleted);
        assertTrue(repository.isRevoked("live"));
    }

    @Test
    void deleteExpiredWhenLimitZeroThenNothingRemoved() {
        repository.revoke("kept", T0.plusSeconds(1));

        int deleted = repository.deleteExpired(T0.plusSeconds(50), 0);

        assertEquals(0, deleted);
        assertTrue(repository.isRevoked("kept"));
    }

    @Test
    void deleteExpiredWhenLimitNegativeThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> repository.deleteExpired(T0, -1));
    }

    @Test
    void findExpiryWhenListedThenItsExpiry() {
        repository.revoke("jti", T0.plusSeconds(60));

        Optional<Instant> expiry = repository.findExpiry("jti");

        assertEquals(Optional.of(T0.plusSeconds(60)), expiry);
    }

    @Test
    void findExpiryWhenListedTwiceThenTheLaterExpiry() {
        repository.revoke("grant:g-1", T0.plusSeconds(120));
        repository.revoke("grant:g-1", T0.plusSeconds(60));

        Optional<Instant> expiry = repository.findExpiry("grant:g-1");

        assertEquals(Optional.of(T0.plusSeconds(120)), expiry);
    }

    @Test
    void findExpiryWhenNotListedThenEmpty() {
        repository.revoke("jti-1", T0.plusSeconds(60));

        Optional<Instant> expiry = repository.findExpiry("jti-2");

        assertEquals(Optional.empty(), expiry);
    }

    @Test
    void findUnexpiredWhenSomeExpiredThenOnlyThoseExpiringAfterNow() {
        repository.revoke("expired", T0.plusSeconds(10));
        repository.revoke("boundary", T0.plusSeconds(30));
        repository.revoke("live", T0.plusSeconds(31));
        repository.revoke("grant:g-1", T0.plusSeconds(300));

        List<DenyListEntry> unexpired = repository.findUnexpired(T0.plusSeconds(30), 10);

        assertEquals(Set.of(new DenyListEntry("live", T0.plusSeconds(31)),
                new DenyListEntry("grant:g-1", T0.plusSeconds(300))), Set.copyOf(unexpired));
        assertEquals(2, unexpired.size());
    }

    @Test
    void findUnexpiredWhenMoreThanLimitThenAtMostLimitDistinctEntries() {
        IntStream.range(0, 5).forEach(i -> repository.revoke("jti-" + i, T0.plusSeconds(60 + i)));

        List<DenyListEntry> unexpired = repository.findUnexpired(T0, 3);

        assertEquals(3, unexpired.size());
        assertEquals(3, new HashSet<>(unexpired).size());
        assertTrue(unexpired.stream().allMatch(entry -> entry.tokenId().startsWith("jti-")));
    }

    @Test
    void findUnexpiredWhenNoneListedThenEmpty() {
        List<DenyListEntry> unexpired = repository.findUnexpired(T0, 10);

        assertEquals(List.of(), unexpired);
    }

    @Test
    void findUnexpiredWhenLimitZeroThenEmpty() {
        repository.revoke("jti", T0.plusSeconds(60));

        List<DenyListEntry> unexpired = repository.findUnexpired(T0, 0);

        assertEquals(List.of(), unexpired);
    }

    @Test
    void findUnexpiredWhenLimitNegativeThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> repository.findUnexpired(T0, -1));
    }

    @Test
    void revokeWhenDeletedBeforeThenListedAgain() {
        repository.revoke("jti", T0.plusSeconds(1));
        repository.deleteExpired(T0.plusSeconds(2), 10);

        repository.revoke("jti", T0.plusSeconds(60));

        assertTrue(repository.isRevoked("jti"));
    }
}
