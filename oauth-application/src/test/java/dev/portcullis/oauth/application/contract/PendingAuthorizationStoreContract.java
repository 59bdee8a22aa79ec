package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.authorization.Authentication;
import dev.portcullis.oauth.application.authorization.AuthorizationRequest;
import dev.portcullis.oauth.application.authorization.PendingAuthorization;
import dev.portcullis.oauth.application.authorization.PendingAuthorizationStore;
import dev.portcullis.oauth.application.authorization.Prompt;
import dev.portcullis.oauth.domain.authorization.CodeChallenge;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.authorization.ResponseMode;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.ClaimsRequest;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link PendingAuthorizationStore} adapter must show. Subclass it once per
 * adapter and implement {@link #emptyStore()}. Times are stored to the microsecond.
 */
public abstract class PendingAuthorizationStoreContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private PendingAuthorizationStore store;

    /** A store holding no request; called before each test. */
    protected abstract PendingAuthorizationStore emptyStore();

    @BeforeEach
    void setUpStore() {
        store = emptyStore();
    }

    /** A request with every optional part set, so that a round trip shows each column. */
    private static PendingAuthorization full(String id) {
        AuthorizationRequest request = new AuthorizationRequest(new ClientId("web-app"),
                URI.create("https://app.example/cb?x=1"), ResponseMode.FORM_POST, Optional.of("state é ✓"),
                ScopeSet.of("openid", "profile", "api:read"),
                Optional.of(new CodeChallenge(CodeChallengeMethod.S256, "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")),
                Optional.of("n-0S6_WzA2Mj"), Set.of(Prompt.LOGIN, Prompt.CONSENT), Optional.of(Duration.ofSeconds(600)),
                Optional.of("alice@example.com"), List.of("de-CH", "fr"), List.of("urn:acr:1", "urn:acr:2"),
                ClaimsRequest.of(List.of("email", "email_verified"), List.of("name"), Optional.of("alice")),
                Optional.of(URI.create("https://api.example/")));
        return new PendingAuthorization(TokenHash.of(id), request, "csrf-" + id, TokenHash.of("flow-" + id),
                Optional.of(new Authentication(new Subject("alice"), T0.plusNanos(7_000), TokenHash.of("session"))),
                T0.plusSeconds(600).plusNanos(3_000));
    }

    /** A request with no optional part. */
    private static PendingAuthorization minimal(String id, Instant expiresAt) {
        AuthorizationRequest request = new AuthorizationRequest(new ClientId("cli"), URI.create("http://127.0.0.1/cb"),
                ResponseMode.QUERY, Optional.empty(), ScopeSet.EMPTY, Optional.empty(), Optional.empty(), Set.of(),
                Optional.empty(), Optional.empty(), List.of(), List.of());
        return new PendingAuthorization(TokenHash.of(id), request, "csrf", TokenHash.of("flow"), Optional.empty(),
                expiresAt);
    }

    @Test
    void findWhenAbsentThenEmpty() {
        assertEquals(Optional.empty(), store.find(TokenHash.of("unknown")));
    }

    @Test
    void saveWhenEveryPartSetThenEveryPartRoundTrips() {
        PendingAuthorization pending = full("a");

        store.save(pending);

        assertEquals(Optional.of(pending), store.find(pending.idHash()));
    }

    @Test
    void saveWhenNothingOptionalThenRoundTripsWithEmptyParts() {
        PendingAuthorization pending = minimal("a", T0.plusSeconds(60));

        store.save(pending);

        assertEquals(Optional.of(pending), store.find(pending.idHash()));
    }

    @Test
    void saveWhenSameIdThenReplaces() { // the sign-in step records the user on the stored request
        PendingAuthorization before = minimal("a", T0.plusSeconds(60));
        store.save(before);
        PendingAuthorization after = before.authenticatedAs(
                new Authentication(new Subject("bob"), T0.plusSeconds(5), TokenHash.of("s")));

        store.save(after);

        assertEquals(Optional.of(after), store.find(before.idHash()));
    }

    @Test
    void removeWhenPresentThenReturnsItOnceAndForgetsIt() {
        PendingAuthorization pending = full("a");
        store.save(pending);

        Optional<PendingAuthorization> first = store.remove(pending.idHash());
        Optional<PendingAuthorization> second = store.remove(pending.idHash());

        assertEquals(Optional.of(pending), first);
        assertEquals(Optional.empty(), second);
        assertEquals(Optional.empty(), store.find(pending.idHash()));
    }

    @Test
    void removeWhenRacedThenExactlyOneCallerGetsTheRequest() { // single use on completion
        PendingAuthorization pending = full("raced");
        store.save(pending);

        List<Optional<PendingAuthorization>> results = Race.run(8, i -> store.remove(pending.idHash()));

        assertEquals(1, results.stream().filter(Optional::isPresent).count());
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenDeletesOnlyThoseWithinLimit() {
        store.save(minimal("old-1", T0.plusSeconds(1)));
        store.save(minimal("old-2", T0.plusSeconds(2)));
        store.save(minimal("old-3", T0.plusSeconds(3)));
        store.save(minimal("live", T0.plusSeconds(100)));

        int first = store.deleteExpired(T0.plusSeconds(50), 2);
        int second = store.deleteExpired(T0.plusSeconds(50), 10);

        assertEquals(2, first);
        assertEquals(1, second);
        assertTrue(store.find(TokenHash.of("live")).isPresent());
    }
}
