package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.AuthorizationCodeRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link AuthorizationCodeRepository} adapter must show. Subclass it once per
 * adapter and implement {@link #emptyRepository()}. Times are stored to the microsecond.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2">RFC 6749 §4.1.2</a>
 */
public abstract class AuthorizationCodeRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant EXPIRY = T0.plusSeconds(60);
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private AuthorizationCodeRepository repository;

    /** A repository holding no code; called before each test. */
    protected abstract AuthorizationCodeRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    /** A code with every optional field present, issued at {@link #T0} and expiring at {@code expiresAt}. */
    private static AuthorizationCode code(String value, Instant expiresAt) {
        return new AuthorizationCode(TokenHash.of(value), new ClientId("client-1"),
                URI.create("https://client.example.com/cb?x=1&y=%20"), ScopeSet.of("read", "openid", "profile", "admin:all"),
                new Subject("user-" + value), T0.minusSeconds(300).plusNanos(123_000),
                Optional.of(new CodeChallenge(CodeChallengeMethod.S256, CHALLENGE)), Optional.of("n-0S6_WzA2Mj \"é\""),
                Optional.of("sid-" + value), "grant-" + value, T0, expiresAt,
                new ClaimsRequest(Set.of("email", "http://example.info/claims/groups"), Set.of("name"), Optional.empty()));
    }

    private static AuthorizationCode code(String value) {
        return code(value, EXPIRY);
    }

    /** A code with every optional field absent and no scope. */
    private static AuthorizationCode minimal(String value) {
        return new AuthorizationCode(TokenHash.of(value), new ClientId("c"), URI.create("com.example.app:/cb"), ScopeSet.EMPTY,
                new Subject("s"), T0, Optional.empty(), Optional.empty(), "g", T0, EXPIRY);
    }

    private static Redemption.AlreadyRedeemed alreadyRedeemed(AuthorizationCode code) {
        return new Redemption.AlreadyRedeemed(code, Optional.empty(), Optional.empty());
    }

    @Test
    void redeemWhenUnknownThenUnknown() {
        Redemption redemption = repository.redeem(TokenHash.of("unknown"), T0);

        assertEquals(new Redemption.Unknown(), redemption);
    }

    @Test
    void redeemWhenSavedThenRedeemedWithEveryField() {
        AuthorizationCode code = code("full");
        repository.save(code);

        Redemption redemption = repository.redeem(code.codeHash(), T0.plusSeconds(1));

        assertEquals(new Redemption.Redeemed(code), redemption);
    }

    @Test
    void redeemWhenOptionalFieldsAbsentAndScopeEmptyThenEveryFieldRoundTrips() {
        AuthorizationCode code = minimal("minimal");
        repository.save(code);

        Redemption redemption = repository.redeem(code.codeHash(), T0);

        assertEquals(new Redemption.Redeemed(code), redemption);
    }

    @Test
    void redeemWhenPlainChallengeThenMethodRoundTrips() {
        AuthorizationCode s256 = code("plain");
        AuthorizationCode code = new AuthorizationCode(s256.codeHash(), s256.clientId(), s256.redirectUri(), s256.scope(),
                s256.subject(), s256.authTime(), Optional.of(new CodeChallenge(CodeChallengeMethod.PLAIN, "p".repeat(128))),
                s256.nonce(), s256.grantId(), s256.issuedAt(), s256.expiresAt());
        repository.save(code);

        Redemption redemption = repository.redeem(code.codeHash(), T0);

        assertEquals(new Redemption.Redeemed(code), redemption);
    }

    @Test
    void redeemWhenScopesNotSortedThenOrderPreserved() {
        AuthorizationCode code = code("order");
        repository.save(code);

        Redemption.Redeemed redeemed = assertInstanceOf(Redemption.Redeemed.class, repository.redeem(code.codeHash(), T0));

        assertEquals(List.of("read", "openid", "profile", "admin:all"), List.copyOf(redeemed.code().scope().values()));
    }

    @Test
    void redeemWhenLargestScopeSetThenRoundTrips() {
        AuthorizationCode base = minimal("largest");
        ScopeSet largest = ScopeSet.of(IntStream.range(0, ScopeSet.MAX_SIZE)
                .mapToObj(i -> String.format("%03d", i) + "s".repeat(125)).toList());
        AuthorizationCode code = new AuthorizationCode(base.codeHash(), base.clientId(), base.redirectUri(), largest,
                base.subject(), base.authTime(), base.codeChallenge(), base.nonce(), base.grantId(), base.issuedAt(),
                base.expiresAt());
        repository.save(code);

        Redemption redemption = repository.redeem(code.codeHash(), T0);

        assertEquals(new Redemption.Redeemed(code), redemption);
    }

    @Test
    void redeemWhenRedeemedBeforeThenAlreadyRedeemedWithoutAccessToken() { // RFC 6749 §4.1.2
        AuthorizationCode code = code("twice");
        repository.save(code);
        repository.redeem(code.codeHash(), T0);

        Redemption redemption = repository.redeem(code.codeHash(), T0.plusSeconds(1));

        assertEquals(alreadyRedeemed(code), redemption);
    }

    @Test
    void redeemWhenAccessTokenRecordedThenAlreadyRedeemedCarriesIt() { // RFC 6749 §4.1.2
        AuthorizationCode code = code("replayed");
        repository.save(code);
        repository.redeem(code.codeHash(), T0);
        Instant tokenExpiry = T0.plusSeconds(3600).plusNanos(5_000);

        repository.recordAccessToken(code.codeHash(), "jti-1", tokenExpiry);

        assertEquals(new Redemption.AlreadyRedeemed(code, Optional.of("jti-1"), Optional.of(tokenExpiry)),
                repository.redeem(code.codeHash(), T0.plusSeconds(2)));
    }

    @Test
    void redeemWhenRedeemedThreeTimesThenThirdStillAlreadyRedeemed() {
        AuthorizationCode code = code("thrice");
        repository.save(code);
        repository.redeem(code.codeHash(), T0);
        repository.recordAccessToken(code.codeHash(), "jti", T0.plusSeconds(600));
        repository.redeem(code.codeHash(), T0);

        Redemption redemption = repository.redeem(code.codeHash(), T0);

        assertEquals(new Redemption.AlreadyRedeemed(code, Optional.of("jti"), Optional.of(T0.plusSeconds(600))), redemption);
    }

    @Test
    void redeemWhenAtExpiryThenUnknown() {
        AuthorizationCode code = code("at-expiry");
        repository.save(code);

        Redemption redemption = repository.redeem(code.codeHash(), EXPIRY);

        assertEquals(new Redemption.Unknown(), redemption);
    }

    @Test
    void redeemWhenOneMicrosecondBeforeExpiryThenRedeemed() {
        AuthorizationCode code = code("just-in-time");
        repository.save(code);

        Redemption redemption = repository.redeem(code.codeHash(), EXPIRY.minusNanos(1_000));

        assertEquals(new Redemption.Redeemed(code), redemption);
    }

    @Test
    void redeemWhenExpiredThenUnknownAndStaysUnknown() {
        AuthorizationCode code = code("expired");
        repository.save(code);
        repository.redeem(code.codeHash(), EXPIRY.plusSeconds(1));

        Redemption redemption = repository.redeem(code.codeHash(), EXPIRY.plusSeconds(2));

        assertEquals(new Redemption.Unknown(), redemption);
    }

    /** Chosen behaviour: a code redeemed in time keeps reporting its replay after it expires, until deleted. */
    @Test
    void redeemWhenExpiredAfterRedemptionThenAlreadyRedeemed() { // RFC 6749 §4.1.2
        AuthorizationCode code = code("replayed-late");
        repository.save(code);
        repository.redeem(code.codeHash(), T0);
        repository.recordAccessToken(code.codeHash(), "jti-late", T0.plusSeconds(3600));

        Redemption redemption = repository.redeem(code.codeHash(), EXPIRY.plusSeconds(60));

        assertEquals(new Redemption.AlreadyRedeemed(code, Optional.of("jti-late"), Optional.of(T0.plusSeconds(3600))),
                redemption);
    }

    @Test
    void redeemWhenOtherCodeRedeemedThenThisOneStillRedeemable() {
        AuthorizationCode first = code("first");
        AuthorizationCode second = code("second");
        repository.save(first);
        repository.save(second);
        repository.redeem(first.codeHash(), T0);

        Redemption redemption = repository.redeem(second.codeHash(), T0);

        assertEquals(new Redemption.Redeemed(second), redemption);
    }

    @Test
    void redeemWhenHashDiffersOnlyInCaseThenUnknown() {
        AuthorizationCode code = minimal("case");
        repository.save(new AuthorizationCode("AbC", code.clientId(), code.redirectUri(), code.scope(), code.subject(),
                code.authTime(), code.codeChallenge(), code.nonce(), code.grantId(), code.issuedAt(), code.expiresAt()));

        Redemption redemption = repository.redeem("abc", T0);

        assertEquals(new Redemption.Unknown(), redemption);
    }

    @Test
    void redeemWhenSixteenThreadsRedeemOneCodeThenExactlyOneRedeemed() { // RFC 6749 §4.1.2
        AuthorizationCode code = code("contended");
        repository.save(code);

        List<Redemption> outcomes = Race.run(16, i -> repository.redeem(code.codeHash(), T0.plusMillis(i)));

        assertEquals(1, outcomes.stream().filter(Redemption.Redeemed.class::isInstance).count());
        assertEquals(15, outcomes.stream().filter(alreadyRedeemed(code)::equals).count());
        assertEquals(alreadyRedeemed(code), repository.redeem(code.codeHash(), T0));
    }

    @Test
    void redeemWhenSixteenThreadsRedeemDistinctCodesThenEachRedeemed() {
        List<AuthorizationCode> codes = IntStream.range(0, 16).mapToObj(i -> code("code-" + i)).toList();
        codes.forEach(repository::save);

        List<Redemption> outcomes = Race.run(16, i -> repository.redeem(codes.get(i).codeHash(), T0));

        assertEquals(codes.stream().map(Redemption.Redeemed::new).toList(), outcomes);
    }

    @Test
    void saveWhenHashExistsThenIllegalStateExceptionAndFirstKept() {
        AuthorizationCode first = code("duplicate");
        repository.save(first);
        AuthorizationCode second = minimal("duplicate");

        assertThrows(IllegalStateException.class, () -> repository.save(second));

        assertEquals(new Redemption.Redeemed(first), repository.redeem(first.codeHash(), T0));
    }

    @Test
    void saveWhenSixteenThreadsSaveOneHashThenExactlyOneSucceeds() {
        List<Boolean> saved = Race.run(16, i -> {
            try {
                repository.save(code("contended", EXPIRY.plusSeconds(i)));
                return true;
            } catch (IllegalStateException e) {
                return false;
            }
        });

        int winner = saved.indexOf(true);
        assertEquals(1, saved.stream().filter(Boolean::booleanValue).count());
        assertEquals(new Redemption.Redeemed(code("contended", EXPIRY.plusSeconds(winner))),
                repository.redeem(TokenHash.of("contended"), T0));
    }

    @Test
    void recordAccessTokenWhenRecordedTwiceThenLastKept() {
        AuthorizationCode code = code("recorded");
        repository.save(code);
        repository.redeem(code.codeHash(), T0);
        repository.recordAccessToken(code.codeHash(), "jti-1", T0.plusSeconds(60));

        repository.recordAccessToken(code.codeHash(), "jti-2", T0.plusSeconds(120));

        assertEquals(new Redemption.AlreadyRedeemed(code, Optional.of("jti-2"), Optional.of(T0.plusSeconds(120))),
                repository.redeem(code.codeHash(), T0));
    }

    @Test
    void recordAccessTokenWhenUnknownThenNothingStored() {
        repository.recordAccessToken(TokenHash.of("unknown"), "jti", T0.plusSeconds(60));

        assertEquals(new Redemption.Unknown(), repository.redeem(TokenHash.of("unknown"), T0));
    }

    @Test
    void recordAccessTokenWhenOtherCodeThenThisOneUnchanged() {
        AuthorizationCode recorded = code("recorded");
        AuthorizationCode other = code("other");
        repository.save(recorded);
        repository.save(other);
        repository.redeem(recorded.codeHash(), T0);
        repository.redeem(other.codeHash(), T0);

        repository.recordAccessToken(recorded.codeHash(), "jti", T0.plusSeconds(60));

        assertEquals(alreadyRedeemed(other), repository.redeem(other.codeHash(), T0));
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenOnlyThoseRemovedAndCounted() {
        AuthorizationCode expired = code("expired", T0.plusSeconds(10));
        AuthorizationCode redeemedExpired = code("redeemed-expired", T0.plusSeconds(20));
        AuthorizationCode atBoundary = code("boundary", T0.plusSeconds(30));
        AuthorizationCode live = code("live", T0.plusSeconds(40));
        List.of(expired, redeemedExpired, atBoundary, live).forEach(repository::save);
        repository.redeem(redeemedExpired.codeHash(), T0);

        int deleted = repository.deleteExpired(T0.plusSeconds(30), 100);

        assertEquals(2, deleted);
        assertEquals(new Redemption.Unknown(), repository.redeem(redeemedExpired.codeHash(), T0));
        assertEquals(new Redemption.Unknown(), repository.redeem(expired.codeHash(), T0));
        assertEquals(new Redemption.Redeemed(atBoundary), repository.redeem(atBoundary.codeHash(), T0));
        assertEquals(new Redemption.Redeemed(live), repository.redeem(live.codeHash(), T0));
    }

    @Test
    void deleteExpiredWhenMoreThanLimitThenRemovesAtMostLimitPerCall() {
        IntStream.range(0, 5).forEach(i -> repository.save(code("expired-" + i, T0.plusSeconds(1 + i))));
        repository.save(code("live", T0.plusSeconds(100)));

        List<Integer> deleted = List.of(repository.deleteExpired(T0.plusSeconds(50), 2),
                repository.deleteExpired(T0.plusSeconds(50), 2), repository.deleteExpired(T0.plusSeconds(50), 2));

        assertEquals(List.of(2, 2, 1), deleted);
        assertEquals(new Redemption.Redeemed(code("live", T0.plusSeconds(100))),
                repository.redeem(TokenHash.of("live"), T0));
    }

    @Test
    void deleteExpiredWhenLimitZeroThenNothingRemoved() {
        AuthorizationCode code = code("kept", T0.plusSeconds(1));
        repository.save(code);

        int deleted = repository.deleteExpired(T0.plusSeconds(50), 0);

        assertEquals(0, deleted);
        assertEquals(new Redemption.Redeemed(code), repository.redeem(code.codeHash(), T0));
    }

    @Test
    void deleteExpiredWhenLimitNegativeThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> repository.deleteExpired(T0, -1));
    }

    @Test
    void deleteExpiredWhenEmptyThenZero() {
        int deleted = repository.deleteExpired(T0.plusSeconds(3600), 10);

        assertEquals(0, deleted);
    }

    @Test
    void saveWhenDeletedBeforeThenStoredAgain() {
        AuthorizationCode code = code("again", T0.plusSeconds(5));
        repository.save(code);
        repository.deleteExpired(T0.plusSeconds(10), 10);

        repository.save(code);

        assertEquals(new Redemption.Redeemed(code), repository.redeem(code.codeHash(), T0));
    }

    @Test
    void redeemWhenCodeHasResourceThenResourceRoundTrips() { // RFC 8707 §2
        AuthorizationCode base = code("with-resource");
        AuthorizationCode code = new AuthorizationCode(base.codeHash(), base.clientId(), base.redirectUri(), base.scope(),
                base.subject(), base.authTime(), base.codeChallenge(), base.nonce(), base.sessionId(), base.grantId(),
                base.issuedAt(), base.expiresAt(), Optional.of(URI.create("https://api.example.com/orders?v=1")));
        repository.save(code);

        Redemption.Redeemed redeemed = assertInstanceOf(Redemption.Redeemed.class, repository.redeem(code.codeHash(), T0));

        assertEquals(Optional.of(URI.create("https://api.example.com/orders?v=1")), redeemed.code().resource());
        assertEquals(Optional.empty(), assertInstanceOf(Redemption.Redeemed.class, saveAndRedeem(code("none")))
                .code().resource());
    }

    private Redemption saveAndRedeem(AuthorizationCode code) {
        repository.save(code);
        return repository.redeem(code.codeHash(), T0);
    }
}
