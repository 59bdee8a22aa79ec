package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.RefreshTokenRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RefreshTokenRepository} adapter must show. Subclass it once per
 * adapter and implement {@link #emptyRepository()}. Times are stored to the microsecond.
 * {@link RefreshTokenRepository#revokeGrant} counts the tokens that were not revoked before,
 * expired or not: the port has no clock.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc9700#section-4.14.2">RFC 9700 §4.14.2</a>
 */
public abstract class RefreshTokenRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private RefreshTokenRepository repository;

    /** A repository holding no token; called before each test. */
    protected abstract RefreshTokenRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    private static RefreshToken token(String value, String grantId, Instant expiresAt, boolean revoked) {
        return new RefreshToken(TokenHash.of(value), grantId, new ClientId("client-" + grantId),
                new Subject("user-" + grantId), ScopeSet.of("offline_access", "openid", "read"),
                T0.minusSeconds(600).plusNanos(7_000), T0, expiresAt, revoked);
    }

    private static RefreshToken token(String value, String grantId) {
        return token(value, grantId, T0.plusSeconds(86_400), false);
    }

    private static RefreshToken revoked(RefreshToken token) {
        return token.withRevoked();
    }

    /** A rotated token: idle expiry a day after issue, its family ending a week later. */
    private static RefreshToken rotated(String value, String grantId) {
        return new RefreshToken(TokenHash.of(value), grantId, new ClientId("client-" + grantId), new Subject("user-" + grantId),
                ScopeSet.of("read"), T0.minusSeconds(600), T0, T0.plusSeconds(86_400), T0.plusSeconds(7 * 86_400),
                Optional.empty(), false);
    }

    private Optional<RefreshToken> find(RefreshToken token) {
        return repository.findByHash(token.tokenHash());
    }

    @Test
    void findByHashWhenAbsentThenEmpty() {
        Optional<RefreshToken> found = repository.findByHash(TokenHash.of("unknown"));

        assertEquals(Optional.empty(), found);
    }

    @Test
    void revokeSubjectWhenNoClientGivenThenEveryTokenOfTheUserRevokedAndOthersKept() { // admin: revoke a user's tokens
        repository.save(token("a1", "ga"));
        repository.save(token("a2", "ga"));
        RefreshToken other = token("b1", "gb");
        repository.save(other);

        int revoked = repository.revokeSubject(new Subject("user-ga"), Optional.empty());

        assertEquals(2, revoked);
        assertTrue(repository.findByHash(TokenHash.of("a1")).orElseThrow().revoked());
        assertTrue(repository.findByHash(TokenHash.of("a2")).orElseThrow().revoked());
        assertFalse(find(other).orElseThrow().revoked());
        assertEquals(0, repository.revokeSubject(new Subject("user-ga"), Optional.empty()), "counts only changes");
    }

    @Test
    void revokeSubjectWhenClientGivenThenOnlyThatClientsTokens() {
        repository.save(token("a1", "ga"));

        assertEquals(0, repository.revokeSubject(new Subject("user-ga"), Optional.of(new ClientId("client-other"))));
        assertEquals(1, repository.revokeSubject(new Subject("user-ga"), Optional.of(new ClientId("client-ga"))));
        assertTrue(repository.findByHash(TokenHash.of("a1")).orElseThrow().revoked());
    }

    @Test
    void liveGrantsThenGrantsWithATokenNotRevokedWithTheirClient() { // admin: revoke what grants produced
        repository.save(token("a1", "ga"));
        repository.save(token("b1", "gb"));
        repository.save(token("c1", "gc", T0.plusSeconds(86_400), true));

        assertEquals(Map.of("ga", new ClientId("client-ga")),
                repository.liveGrants(Optional.of(new Subject("user-ga")), Optional.empty()));
        assertEquals(Map.of("gb", new ClientId("client-gb")),
                repository.liveGrants(Optional.empty(), Optional.of(new ClientId("client-gb"))));
        assertEquals(Map.of(), repository.liveGrants(Optional.of(new Subject("user-gc")), Optional.empty()),
                "a revoked family is not live");
        assertThrows(IllegalArgumentException.class, () -> repository.liveGrants(Optional.empty(), Optional.empty()));
    }

    @Test
    void revokeClientThenEveryTokenOfTheClientRevokedAndOthersKept() { // admin: revoke a client's tokens
        repository.save(token("a1", "ga"));
        RefreshToken other = token("b1", "gb");
        repository.save(other);

        assertEquals(1, repository.revokeClient(new ClientId("client-ga")));
        assertTrue(repository.findByHash(TokenHash.of("a1")).orElseThrow().revoked());
        assertFalse(find(other).orElseThrow().revoked());
    }

    @Test
    void saveWhenSessionAuthenticationMethodsAndClaimsThenTheyRoundTrip() { // OIDC Core §12.2: carried into refresh ID tokens
        RefreshToken token = new RefreshToken(TokenHash.of("rt-sid"), "grant-sid", new ClientId("client"),
                new Subject("user"), ScopeSet.of("openid", "offline_access"), T0.minusSeconds(600), T0,
                T0.plusSeconds(86_400), T0.plusSeconds(86_400), Optional.empty(), false, Optional.of("session-1"),
                List.of("pwd", "otp"), new ClaimsRequest(Set.of("email", "birthdate"), Set.of("name"), Optional.empty()));

        repository.save(token);

        RefreshToken found = find(token).orElseThrow();
        assertEquals(Optional.of("session-1"), found.sessionId());
        assertEquals(List.of("pwd", "otp"), found.authenticationMethods());
        assertEquals(Set.of("email", "birthdate"), found.claims().userinfo()); // OIDC Core §5.5
        assertEquals(Set.of("name"), found.claims().idToken());
    }

    @Test
    void saveWhenNoSessionNorAuthenticationMethodsThenEmptyOnRead() {
        RefreshToken token = token("rt-no-sid", "grant-no-sid");

        repository.save(token);

        RefreshToken found = find(token).orElseThrow();
        assertEquals(Optional.empty(), found.sessionId());
        assertEquals(List.of(), found.authenticationMethods());
        assertTrue(found.claims().isEmpty());
    }

    @Test
    void saveWhenNewThenEveryFieldRoundTrips() {
        RefreshToken token = token("rt", "grant");

        repository.save(token);

        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void saveWhenRevokedThenRevokedRoundTrips() {
        RefreshToken token = token("rt", "grant", T0.plusSeconds(60), true);

        repository.save(token);

        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void saveWhenScopeEmptyThenRoundTrips() {
        RefreshToken token = new RefreshToken(TokenHash.of("empty"), "g", new ClientId("c"), new Subject("s"), ScopeSet.EMPTY,
                T0, T0, T0.plusSeconds(1), false);

        repository.save(token);

        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void saveWhenScopesNotSortedThenOrderPreserved() {
        RefreshToken token = token("ordered", "grant");

        repository.save(token);

        assertEquals(List.of("offline_access", "openid", "read"), List.copyOf(find(token).orElseThrow().scope().values()));
    }

    @Test
    void saveWhenLargestScopeSetThenRoundTrips() {
        ScopeSet largest = ScopeSet.of(IntStream.range(0, ScopeSet.MAX_SIZE)
                .mapToObj(i -> String.format("%03d", i) + "s".repeat(125)).toList());
        RefreshToken token = new RefreshToken(TokenHash.of("largest"), "g", new ClientId("c"), new Subject("s"), largest,
                T0, T0, T0.plusSeconds(1), false);

        repository.save(token);

        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void saveWhenHashExistsThenIllegalStateExceptionAndFirstKept() {
        RefreshToken first = token("duplicate", "first");
        repository.save(first);

        assertThrows(IllegalStateException.class, () -> repository.save(token("duplicate", "second")));

        assertEquals(Optional.of(first), find(first));
    }

    @Test
    void saveWhenSixteenThreadsSaveOneHashThenExactlyOneSucceeds() {
        List<Boolean> saved = Race.run(16, i -> {
            try {
                repository.save(token("contended", "grant-" + i));
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        });

        int winner = saved.indexOf(true);
        assertEquals(1, saved.stream().filter(Boolean::booleanValue).count());
        assertEquals(Optional.of(token("contended", "grant-" + winner)), repository.findByHash(TokenHash.of("contended")));
    }

    @Test
    void saveIfAbsentWhenNewThenTrueAndEveryFieldRoundTrips() { // RFC 9700 §4.14.2: a rotation's successor
        RefreshToken token = new RefreshToken(TokenHash.of("successor"), "grant-s", new ClientId("client"),
                new Subject("user"), ScopeSet.of("openid", "offline_access"), T0.minusSeconds(600), T0,
                T0.plusSeconds(86_400), T0.plusSeconds(7 * 86_400), Optional.empty(), false, Optional.of("session-1"),
                List.of("pwd"), new ClaimsRequest(Set.of("email"), Set.of("name"), Optional.empty()),
                Optional.of(java.net.URI.create("https://api.example.com/orders")));

        boolean stored = repository.saveIfAbsent(token);

        assertTrue(stored);
        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void saveIfAbsentWhenNoOptionalFieldsThenTrueAndEmptyOnRead() {
        RefreshToken token = rotated("successor-bare", "grant-b");

        assertTrue(repository.saveIfAbsent(token));

        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void saveIfAbsentWhenUsedAndRevokedThenRoundTrips() {
        RefreshToken token = revoked(rotated("successor-used", "grant-u").withUsedAt(T0.plusSeconds(5)));

        assertTrue(repository.saveIfAbsent(token));

        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void saveIfAbsentWhenHashExistsThenFalseAndFirstKept() {
        RefreshToken first = token("present", "first");
        repository.save(first);

        boolean stored = repository.saveIfAbsent(token("present", "second"));

        assertFalse(stored);
        assertEquals(Optional.of(first), find(first));
    }

    @Test
    void saveIfAbsentWhenSixteenThreadsStoreOneHashThenExactlyOneTrue() { // DESIGN.md "Storage": no read-then-write
        List<Boolean> stored = Race.run(16, i -> repository.saveIfAbsent(token("contended-successor", "grant-" + i)));

        int winner = stored.indexOf(true);
        assertEquals(1, stored.stream().filter(Boolean::booleanValue).count());
        assertEquals(Optional.of(token("contended-successor", "grant-" + winner)),
                repository.findByHash(TokenHash.of("contended-successor")));
    }

    @Test
    void findByHashWhenHashDiffersOnlyInCaseThenEmpty() {
        repository.save(new RefreshToken("AbC", "g", new ClientId("c"), new Subject("s"), ScopeSet.EMPTY, T0, T0,
                T0.plusSeconds(1), false));

        Optional<RefreshToken> found = repository.findByHash("abc");

        assertEquals(Optional.empty(), found);
    }

    @Test
    void revokeGrantWhenFamilyActiveThenEveryTokenRevokedAndCounted() { // RFC 9700 §4.14.2
        List<RefreshToken> family = List.of(token("rt-1", "family"), token("rt-2", "family"), token("rt-3", "family"));
        family.forEach(repository::save);

        int revoked = repository.revokeGrant("family");

        assertEquals(3, revoked);
        family.forEach(token -> assertEquals(Optional.of(revoked(token)), find(token)));
    }

    @Test
    void revokeGrantWhenSomeAlreadyRevokedThenCountsOnlyThoseActiveBefore() {
        RefreshToken rotatedAway = token("rt-1", "family", T0.plusSeconds(3600), true);
        RefreshToken current = token("rt-2", "family");
        repository.save(rotatedAway);
        repository.save(current);

        int revoked = repository.revokeGrant("family");

        assertEquals(1, revoked);
        assertEquals(Optional.of(rotatedAway), find(rotatedAway));
        assertEquals(Optional.of(revoked(current)), find(current));
    }

    @Test
    void revokeGrantWhenExpiredButNotRevokedThenRevokedAndCounted() {
        RefreshToken expired = token("rt-old", "family", T0.plusSeconds(1), false);
        repository.save(expired);

        int revoked = repository.revokeGrant("family");

        assertEquals(1, revoked);
        assertEquals(Optional.of(revoked(expired)), find(expired));
    }

    @Test
    void revokeGrantWhenOtherGrantsStoredThenTheirTokensUntouched() {
        RefreshToken target = token("rt-target", "target");
        RefreshToken other = token("rt-other", "other");
        RefreshToken similar = token("rt-similar", "TARGET");
        List.of(target, other, similar).forEach(repository::save);

        repository.revokeGrant("target");

        assertEquals(Optional.of(revoked(target)), find(target));
        assertEquals(Optional.of(other), find(other));
        assertEquals(Optional.of(similar), find(similar));
    }

    @Test
    void revokeGrantWhenUnknownThenZero() {
        repository.save(token("rt", "known"));

        int revoked = repository.revokeGrant("unknown");

        assertEquals(0, revoked);
    }

    @Test
    void revokeGrantWhenCalledTwiceThenSecondZero() {
        repository.save(token("rt-1", "family"));
        repository.save(token("rt-2", "family"));
        repository.revokeGrant("family");

        int revoked = repository.revokeGrant("family");

        assertEquals(0, revoked);
    }

    @Test
    void revokeGrantWhenSixteenThreadsRevokeOneFamilyThenEachTokenCountedOnce() {
        List<RefreshToken> family = IntStream.range(0, 20).mapToObj(i -> token("rt-" + i, "family")).toList();
        family.forEach(repository::save);

        List<Integer> counts = Race.run(16, i -> repository.revokeGrant("family"));

        assertEquals(20, counts.stream().mapToInt(Integer::intValue).sum());
        family.forEach(token -> assertEquals(Optional.of(revoked(token)), find(token)));
    }

    @Test
    void saveWhenSixteenThreadsSaveWhileFamilyRevokedThenNoTokenLostOrCountedTwice() {
        List<Integer> counts = Race.run(16, i -> {
            repository.save(token("rt-" + i, "family"));
            return repository.revokeGrant("family");
        });

        assertEquals(16, counts.stream().mapToInt(Integer::intValue).sum());
        IntStream.range(0, 16).forEach(i -> assertEquals(Optional.of(revoked(token("rt-" + i, "family"))),
                repository.findByHash(TokenHash.of("rt-" + i))));
    }

    @Test
    void revokeGrantWhenRacedBySavesAndOtherRevocationsTwentyTimesThenNeverStuckNorCountedTwice() {
        for (int round = 0; round < 20; round++) {
            String family = "family-" + round;
            int current = round;
            List<Integer> counts = Race.run(16, i -> {
                repository.save(token("rt-" + current + "-" + i, family));
                return repository.revokeGrant(family);
            });

            assertEquals(16, counts.stream().mapToInt(Integer::intValue).sum(), "round " + round);
        }
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenOnlyThoseRemovedAndCounted() {
        RefreshToken expired = token("expired", "g1", T0.plusSeconds(10), false);
        RefreshToken revokedExpired = token("revoked-expired", "g2", T0.plusSeconds(20), true);
        RefreshToken atBoundary = token("boundary", "g3", T0.plusSeconds(30), false);
        RefreshToken live = token("live", "g4", T0.plusSeconds(40), true);
        List.of(expired, revokedExpired, atBoundary, live).forEach(repository::save);

        int deleted = repository.deleteExpired(T0.plusSeconds(30), 100);

        assertEquals(2, deleted);
        assertEquals(Optional.empty(), find(expired));
        assertEquals(Optional.empty(), find(revokedExpired));
        assertEquals(Optional.of(atBoundary), find(atBoundary));
        assertEquals(Optional.of(live), find(live));
    }

    @Test
    void deleteExpiredWhenMoreThanLimitThenRemovesAtMostLimitPerCall() {
        IntStream.range(0, 5).forEach(i -> repository.save(token("expired-" + i, "g", T0.plusSeconds(1 + i), false)));
        RefreshToken live = token("live", "g", T0.plusSeconds(100), false);
        repository.save(live);

        List<Integer> deleted = List.of(repository.deleteExpired(T0.plusSeconds(50), 2),
                repository.deleteExpired(T0.plusSeconds(50), 2), repository.deleteExpired(T0.plusSeconds(50), 2));

        assertEquals(List.of(2, 2, 1), deleted);
        assertEquals(Optional.of(live), find(live));
    }

    @Test
    void deleteExpiredWhenLimitZeroThenNothingRemoved() {
        RefreshToken token = token("kept", "g", T0.plusSeconds(1), false);
        repository.save(token);

        int deleted = repository.deleteExpired(T0.plusSeconds(50), 0);

        assertEquals(0, deleted);
        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void deleteExpiredWhenLimitNegativeThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> repository.deleteExpired(T0, -1));
    }

    @Test
    void deleteExpiredWhenSixteenThreadsDeleteThenEachTokenCountedOnce() {
        IntStream.range(0, 40).forEach(i -> repository.save(token("expired-" + i, "g", T0.plusSeconds(1 + i), false)));

        List<Integer> counts = Race.run(16, i -> repository.deleteExpired(T0.plusSeconds(100), 5));

        assertEquals(40, counts.stream().mapToInt(Integer::intValue).sum() + repository.deleteExpired(T0.plusSeconds(100), 100));
    }

    @Test
    void saveWhenUsedWithLaterFamilyExpiryThenEveryFieldRoundTrips() {
        RefreshToken token = rotated("rt", "grant").withUsedAt(T0.plusSeconds(5).plusNanos(3_000));

        repository.save(token);

        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void useWhenUnusedThenTokenReturnedUsedAndUsedAtRecorded() { // RFC 9700 §4.14.2
        RefreshToken token = rotated("rt", "grant");
        repository.save(token);
        Instant now = T0.plusSeconds(30).plusNanos(9_000);

        Optional<RefreshToken> used = repository.use(token.tokenHash(), now);

        assertEquals(Optional.of(token.withUsedAt(now)), used);
        assertEquals(Optional.of(token.withUsedAt(now)), find(token));
    }

    @Test
    void useWhenEveryOptionalFieldSetThenReturnedAsStored() { // what the successor is made of (OIDC Core §12.2)
        RefreshToken token = new RefreshToken(TokenHash.of("rt-full"), "grant-f", new ClientId("client"),
                new Subject("user"), ScopeSet.of("openid", "offline_access"), T0.minusSeconds(600).plusNanos(7_000), T0,
                T0.plusSeconds(86_400), T0.plusSeconds(7 * 86_400), Optional.empty(), false, Optional.of("session-1"),
                List.of("pwd", "otp"), new ClaimsRequest(Set.of("email"), Set.of("name"), Optional.empty()),
                Optional.of(java.net.URI.create("https://api.example.com/orders")));
        repository.save(token);

        Optional<RefreshToken> used = repository.use(token.tokenHash(), T0.plusSeconds(1));

        assertEquals(Optional.of(token.withUsedAt(T0.plusSeconds(1))), used);
    }

    @Test
    void useWhenAlreadyUsedThenEmptyAndFirstUseKept() {
        RefreshToken token = rotated("rt", "grant");
        repository.save(token);
        repository.use(token.tokenHash(), T0.plusSeconds(1));

        Optional<RefreshToken> used = repository.use(token.tokenHash(), T0.plusSeconds(2));

        assertEquals(Optional.empty(), used);
        assertEquals(Optional.of(token.withUsedAt(T0.plusSeconds(1))), find(token));
    }

    @Test
    void useWhenRevokedThenEmptyAndUnchanged() {
        RefreshToken token = rotated("rt", "grant").withRevoked();
        repository.save(token);

        Optional<RefreshToken> used = repository.use(token.tokenHash(), T0.plusSeconds(1));

        assertEquals(Optional.empty(), used);
        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void useWhenExpiresNowThenEmptyAndUnchanged() {
        RefreshToken token = rotated("rt", "grant");
        repository.save(token);

        Optional<RefreshToken> used = repository.use(token.tokenHash(), token.expiresAt());

        assertEquals(Optional.empty(), used);
        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void useWhenOneMicrosecondBeforeExpiryThenUsed() {
        RefreshToken token = rotated("rt", "grant");
        repository.save(token);

        Optional<RefreshToken> used = repository.use(token.tokenHash(), token.expiresAt().minusNanos(1_000));

        assertTrue(used.isPresent());
    }

    @Test
    void useWhenUnknownThenEmpty() {
        repository.save(rotated("rt", "grant"));

        Optional<RefreshToken> used = repository.use(TokenHash.of("unknown"), T0.plusSeconds(1));

        assertEquals(Optional.empty(), used);
    }

    @Test
    void useWhenOtherTokensOfTheFamilyStoredThenOnlyTheOneMarked() {
        RefreshToken used = rotated("rt-1", "family");
        RefreshToken sibling = rotated("rt-2", "family");
        repository.save(used);
        repository.save(sibling);

        repository.use(used.tokenHash(), T0.plusSeconds(1));

        assertEquals(Optional.of(sibling), find(sibling));
    }

    @Test
    void useWhenSixteenThreadsUseOneTokenThenExactlyOneGetsIt() { // DESIGN.md "Storage": single use
        RefreshToken token = rotated("contended", "grant");
        repository.save(token);

        List<Optional<RefreshToken>> used = Race.run(16, i -> repository.use(token.tokenHash(), T0.plusSeconds(1 + i)));

        List<Integer> winners = IntStream.range(0, 16).filter(i -> used.get(i).isPresent()).boxed().toList();
        assertEquals(1, winners.size());
        RefreshToken marked = token.withUsedAt(T0.plusSeconds(1 + winners.get(0)));
        assertEquals(Optional.of(marked), used.get(winners.get(0)));
        assertEquals(Optional.of(marked), find(token));
    }

    @Test
    void holdsUsesUntilCommitWhenNoUnitOfWorkThenFalse() { // a use outside a unit of work counts at once
        assertFalse(repository.holdsUsesUntilCommit());
    }

    @Test
    void releaseWhenNoUnitOfWorkHoldsTheUseThenIllegalStateExceptionAndTokenStaysUsed() {
        RefreshToken token = rotated("rt", "grant");
        repository.save(token);
        repository.use(token.tokenHash(), T0.plusSeconds(1));

        assertThrows(IllegalStateException.class, () -> repository.release(token.tokenHash(), T0.plusSeconds(1)));

        assertEquals(Optional.of(token.withUsedAt(T0.plusSeconds(1))), find(token));
    }

    @Test
    void revokeGrantWhenTokenUsedThenRevokedCountedAndUseKept() { // RFC 9700 §4.14.2
        RefreshToken used = rotated("rt-1", "family").withUsedAt(T0.plusSeconds(1));
        RefreshToken current = rotated("rt-2", "family");
        repository.save(used);
        repository.save(current);

        int revoked = repository.revokeGrant("family");

        assertEquals(2, revoked);
        assertEquals(Optional.of(used.withRevoked()), find(used));
        assertEquals(Optional.of(current.withRevoked()), find(current));
    }

    @Test
    void deleteExpiredWhenIdleExpiredButFamilyLiveThenKept() { // kept so that a replay is recognised as reuse
        RefreshToken token = rotated("rt", "grant").withUsedAt(T0.plusSeconds(1));
        repository.save(token);

        int deleted = repository.deleteExpired(token.expiresAt().plusSeconds(1), 100);

        assertEquals(0, deleted);
        assertEquals(Optional.of(token), find(token));
    }

    @Test
    void deleteExpiredWhenFamilyExpiredThenRemoved() {
        RefreshToken token = rotated("rt", "grant");
        repository.save(token);

        int deleted = repository.deleteExpired(token.familyExpiresAt().plusSeconds(1), 100);

        assertEquals(1, deleted);
        assertEquals(Optional.empty(), find(token));
    }

    @Test
    void saveWhenResourcePresentThenRoundTripsAndSurvivesRotationAndRevocation() { // RFC 8707 §2
        RefreshToken base = token("with-resource", "family-r");
        RefreshToken token = new RefreshToken(base.tokenHash(), base.grantId(), base.clientId(), base.subject(),
                base.scope(), base.authTime(), base.issuedAt(), base.expiresAt(), base.familyExpiresAt(), base.usedAt(),
                false, Optional.of(java.net.URI.create("https://api.example.com/orders")));
        repository.save(token);

        repository.use(token.tokenHash(), T0.plusSeconds(1));
        repository.revokeGrant("family-r");

        RefreshToken found = repository.findByHash(token.tokenHash()).orElseThrow();
        assertEquals(Optional.of(java.net.URI.create("https://api.example.com/orders")), found.resource());
        assertTrue(found.revoked());
    }
}
