package dev.portcullis.oauth.application.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.domain.change.Change;
import dev.portcullis.oauth.domain.change.ChangeTopic;
import dev.portcullis.oauth.domain.error.ServiceUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The in-memory copy of the deny list: a revocation counts on this instance at once and reaches the
 * others through change notifications (RFC 7009 §2.2 allows for the delay); whenever the copy may
 * lack an entry, the repository of record answers (fail closed).
 */
class CachingRevokedAccessTokenRepositoryTest {

    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant LATER = T0.plusSeconds(300);
    private static final Change ANY = Change.anyOf(ChangeTopic.REVOKED_ACCESS_TOKENS);

    private final MutableClock clock = new MutableClock(T0);
    private final CountingDenyList database = new CountingDenyList();
    private final TestChangeNotifier changes = new TestChangeNotifier();
    private final DeferringUnitOfWork units = new DeferringUnitOfWork();

    private CachingRevokedAccessTokenRepository copy(int maxEntries) {
        CachingRevokedAccessTokenRepository copy =
                new CachingRevokedAccessTokenRepository(database, changes, units, clock, maxEntries);
        copy.start();
        return copy;
    }

    private CachingRevokedAccessTokenRepository copy() {
        return copy(100);
    }

    private static Change announced(String tokenId) {
        return Change.of(ChangeTopic.REVOKED_ACCESS_TOKENS, tokenId);
    }

    @Test
    void revokeWhenCommittedThenRevokedAtOnceWithoutAskingTheDatabase() { // RFC 7009 §2.2
        CachingRevokedAccessTokenRepository copy = copy();

        copy.revoke("jti-1", LATER);

        assertTrue(copy.isRevoked("jti-1"));
        assertTrue(database.isRevoked("jti-1"));
        assertEquals(1, database.questions(), "only the question of this test");
    }

    @Test
    void revokeWhenCommittedThenAnnouncedByItsId() {
        CachingRevokedAccessTokenRepository copy = copy();

        copy.revoke("grant:g-1", LATER);

        assertEquals(List.of(announced("grant:g-1")), changes.published());
    }

    @Test
    void revokeWhenInsideAUnitThenAnnouncedOnlyOnceItCommits() {
        CachingRevokedAccessTokenRepository copy = copy();

        List<Change> beforeCommit = units.inTransaction(() -> {
            copy.revoke("jti-1", LATER);
            return changes.published();
        });

        assertEquals(List.of(), beforeCommit);
        assertEquals(List.of(announced("jti-1")), changes.published());
    }

    @Test
    void revokeWhenUnitRollsBackThenNeitherCopiedNorAnnounced() { // DESIGN.md: a failed request leaves no trace
        CachingRevokedAccessTokenRepository copy = copy();

        assertThrows(IllegalStateException.class, () -> units.inTransaction(() -> {
            copy.revoke("jti-1", LATER);
            throw new IllegalStateException("the refresh token family could not be revoked");
        }));

        assertEquals(List.of(), changes.published());
        // The test's repository cannot roll back, so only the copy can say whether it took the entry.
        assertFalse(copy.isRevoked("jti-1"));
        assertEquals(0, database.questions());
    }

    @Test
    void isRevokedWhenAnotherInstanceAnnouncesAnEntryThenLooksItUpOnceAndAnswersFromMemory() {
        CachingRevokedAccessTokenRepository copy = copy();
        database.revoke("jti-remote", LATER);

        changes.deliver(announced("jti-remote"));

        assertTrue(copy.isRevoked("jti-remote"));
        assertTrue(copy.isAnyRevoked(Set.of("jti-other", "jti-remote")));
        assertEquals(1, database.lookups());
        assertEquals(0, database.questions());
    }

    @Test
    void isRevokedWhenAnotherInstanceRevokedWithoutAnnouncingThenSeenAfterTheNextReload() {
        CachingRevokedAccessTokenRepository copy = copy();
        database.revoke("jti-unannounced", LATER);
        boolean beforeReload = copy.isRevoked("jti-unannounced");

        int learned = copy.reload();

        assertFalse(beforeReload, "the trade-off: an announcement lost is seen at the next reload");
        assertEquals(1, learned);
        assertTrue(copy.isRevoked("jti-unannounced"));
        assertEquals(0, database.questions());
    }

    @Test
    void isRevokedWhenAnyOfTopicChangeThenTheWholeListIsReloaded() {
        CachingRevokedAccessTokenRepository copy = copy();
        database.revoke("jti-missed", LATER);
        database.revoke("grant:g-missed", LATER);

        changes.deliver(ANY);

        assertTrue(copy.isRevoked("jti-missed"));
        assertTrue(copy.isRevoked("grant:g-missed"));
        assertEquals(2, database.loads(), "at start, and on the any-of change");
        assertEquals(0, database.questions());
    }

    @Test
    void changedWhenAnotherTopicThenNothingIsRead() {
        copy();

        changes.deliver(Change.anyOf(ChangeTopic.CLIENTS));
        changes.deliver(Change.of(ChangeTopic.SIGNING_KEYS, "kid-1"));

        assertEquals(1, database.loads());
        assertEquals(0, database.lookups());
    }

    @Test
    void isRevokedWhenNotListeningThenAsksTheDatabase() { // fail closed: announcements may be missed
        CachingRevokedAccessTokenRepository copy = copy();
        changes.listening(false);
        database.revoke("jti-unheard", LATER);

        boolean revoked = copy.isAnyRevoked(Set.of("jti-unheard", "grant:g-1"));

        assertTrue(revoked);
        assertEquals(1, database.questions());
    }

    @Test
    void isRevokedWhenListeningAgainAfterTheAnyOfChangeThenAnswersFromMemoryWithWhatWasMissed() {
        CachingRevokedAccessTokenRepository copy = copy();
        changes.listening(false);
        database.revoke("jti-unheard", LATER);

        // As the notifier does on reconnecting: the any-of change first, then it reports listening.
        changes.deliver(ANY);
        changes.listening(true);

        assertTrue(copy.isRevoked("jti-unheard"));
        assertEquals(0, database.questions());
    }

    @Test
    void startWhenNotListeningYetThenAsksTheDatabaseUntilTheAnyOfChangeOfTheFirstConnection() {
        changes.listening(false);
        CachingRevokedAccessTokenRepository copy = copy();
        changes.listening(true);
        boolean beforeAnyOf = copy.isRevoked("jti-1");
        int questionsBeforeAnyOf = database.questions();

        changes.deliver(ANY);

        assertFalse(beforeAnyOf);
        assertEquals(1, questionsBeforeAnyOf, "the load ran before changes were heard: not trusted");
        assertFalse(copy.isRevoked("jti-1"));
        assertEquals(1, database.questions());
    }

    @Test
    void isRevokedWhenTheClockReachesTheExpiryThenNoLongerListed() { // RFC 9068 §4: expired tokens are refused first
        CachingRevokedAccessTokenRepository copy = copy();
        copy.revoke("jti-1", LATER);
        clock.advance(Duration.ofSeconds(299));
        boolean aSecondBefore = copy.isRevoked("jti-1");

        clock.advance(Duration.ofSeconds(1));

        assertTrue(aSecondBefore);
        assertFalse(copy.isRevoked("jti-1"));
        assertEquals(0, database.questions());
    }

    @Test
    void startWhenMoreUnexpiredEntriesThanTheLimitThenAsksTheDatabase() {
        database.revoke("jti-1", LATER);
        database.revoke("jti-2", LATER);
        database.revoke("jti-3", LATER);

        CachingRevokedAccessTokenRepository copy = copy(2);

        assertTrue(copy.isRevoked("jti-3"));
        assertFalse(copy.isRevoked("jti-4"));
        assertEquals(2, database.questions());
    }

    @Test
    void startWhenEntriesBeyondTheLimitHaveExpiredThenAnswersFromMemory() {
        database.revoke("expired-1", T0.minusSeconds(1));
        database.revoke("expired-2", T0);
        database.revoke("jti-1", LATER);

        CachingRevokedAccessTokenRepository copy = copy(1);

        assertTrue(copy.isRevoked("jti-1"));
        assertFalse(copy.isRevoked("expired-1"));
        assertEquals(0, database.questions());
    }

    @Test
    void revokeWhenTheCopyWouldOutgrowTheLimitThenAsksTheDatabase() {
        CachingRevokedAccessTokenRepository copy = copy(2);
        copy.revoke("jti-1", LATER);
        copy.revoke("jti-2", LATER);

        copy.revoke("jti-3", LATER);

        assertTrue(copy.isRevoked("jti-1"));
        assertTrue(copy.isRevoked("jti-3"));
        assertEquals(2, database.questions());
    }

    @Test
    void reloadWhenTheListShrankBelowTheLimitThenAnswersFromMemoryAgain() {
        CachingRevokedAccessTokenRepository copy = copy(2);
        copy.revoke("jti-1", T0.plusSeconds(10));
        copy.revoke("jti-2", T0.plusSeconds(10));
        copy.revoke("jti-3", LATER);
        clock.advance(Duration.ofSeconds(10));

        copy.reload();

        assertTrue(copy.isRevoked("jti-3"));
        assertFalse(copy.isRevoked("jti-1"));
        assertEquals(0, database.questions());
    }

    @Test
    void isRevokedWhenAnAnnouncedEntryCouldNotBeReadThenAsksTheDatabaseUntilTheNextReload() {
        CachingRevokedAccessTokenRepository copy = copy();
        database.revoke("jti-remote", LATER);
        database.down(true);
        changes.deliver(announced("jti-remote"));
        database.down(false);
        boolean beforeReload = copy.isRevoked("jti-remote");
        int questionsBeforeReload = database.questions();

        copy.reload();

        assertTrue(beforeReload);
        assertEquals(1, questionsBeforeReload);
        assertTrue(copy.isRevoked("jti-remote"));
        assertEquals(1, database.questions());
    }

    @Test
    void reloadWhenAnAnnouncementFailsWhileItRunsThenTheCopyIsStillNotTrusted() {
        CachingRevokedAccessTokenRepository copy = copy();
        // Revoked elsewhere after the reload read the list; its announcement cannot be read.
        database.afterNextLoad(() -> {
            database.revoke("jti-meanwhile", LATER);
            database.down(true);
            changes.deliver(announced("jti-meanwhile"));
            database.down(false);
        });

        copy.reload();

        assertTrue(copy.isRevoked("jti-meanwhile"));
        assertEquals(1, database.questions());
    }

    @Test
    void startWhenTheDatabaseIsDownThenAsksItUntilAReloadSucceeds() {
        database.down(true);
        CachingRevokedAccessTokenRepository copy = copy();
        ServiceUnavailableException whileDown = assertThrows(ServiceUnavailableException.class,
                () -> copy.isRevoked("jti-1"));
        database.down(false);
        database.revoke("jti-1", LATER);

        copy.reload();

        assertEquals("database unavailable", whileDown.getMessage());
        assertTrue(copy.isRevoked("jti-1"));
        assertEquals(0, database.questions());
    }

    @Test
    void revokeWhenTheIdCannotBeAChangeKeyThenEveryInstanceReloads() {
        CachingRevokedAccessTokenRepository copy = copy();
        String longest = "j".repeat(Change.MAX_KEY_LENGTH + 1);

        copy.revoke(longest, LATER);

        assertEquals(List.of(ANY), changes.published());
        assertTrue(copy.isRevoked(longest));
    }

    @Test
    void isRevokedWhenNotStartedThenAsksTheDatabase() {
        CachingRevokedAccessTokenRepository copy =
                new CachingRevokedAccessTokenRepository(database, changes, units, clock, 100);
        database.revoke("jti-1", LATER);

        boolean revoked = copy.isRevoked("jti-1");

        assertTrue(revoked);
        assertEquals(1, database.questions());
        assertEquals(0, database.loads());
    }

    @Test
    void startWhenStartedBeforeThenIllegalStateException() {
        CachingRevokedAccessTokenRepository copy = copy();

        assertThrows(IllegalStateException.class, copy::start);
    }

    @Test
    void newWhenMaxEntriesNotPositiveThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class,
                () -> new CachingRevokedAccessTokenRepository(database, changes, units, clock, 0));
    }
}
