package dev.portcullis.oauth.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.port.OpaqueAccessTokenRepository;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link OpaqueAccessTokenRepository} adapter must show. Subclass it once per
 * adapter and implement {@link #emptyRepository()}. Times are whole seconds, as minted.
 */
public abstract class OpaqueAccessTokenRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private OpaqueAccessTokenRepository repository;

    /** A repository holding no token; called before each test. */
    protected abstract OpaqueAccessTokenRepository emptyRepository();

    @BeforeEach
    void setUpRepository() {
        repository = emptyRepository();
    }

    private static OpaqueAccessToken token(String value, Optional<String> grantId, long lifetimeSeconds) {
        return new OpaqueAccessToken(TokenHash.of(value), "jti-" + value, grantId, new ClientId("billing"),
                "248289761001", ScopeSet.of("orders:read", "openid"),
                List.of("https://api.example.com/orders", "https://api.example.com/payments"), T0,
                T0.plusSeconds(lifetimeSeconds), false);
    }

    @Test
    void findByHashWhenAbsentThenEmpty() {
        assertEquals(Optional.empty(), repository.findByHash(TokenHash.of("unknown")));
    }

    @Test
    void saveWhenNewThenFindByHashReturnsItWhole() {
        OpaqueAccessToken token = token("a", Optional.of("family-1"), 300);

        repository.save(token);

        assertEquals(Optional.of(token), repository.findByHash(token.tokenHash()));
    }

    @Test
    void saveWhenNoGrantAndEmptyScopeThenRoundTrips() {
        OpaqueAccessToken token = new OpaqueAccessToken(TokenHash.of("b"), "jti-b", Optional.empty(),
                new ClientId("billing"), "billing", ScopeSet.EMPTY, List.of("https://as.example.com"), T0,
                T0.plusSeconds(60), false);

        repository.save(token);

        assertEquals(Optional.of(token), repository.findByHash(token.tokenHash()));
    }

    @Test
    void saveWhenHashExistsThenIllegalState() {
        repository.save(token("a", Optional.empty(), 300));

        assertThrows(IllegalStateException.class, () -> repository.save(token("a", Optional.empty(), 60)));
    }

    @Test
    void revokeWhenActiveThenRevokedAndTrue() {
        OpaqueAccessToken token = token("a", Optional.empty(), 300);
        repository.save(token);

        boolean revoked = repository.revoke(token.tokenHash());

        assertTrue(revoked);
        assertTrue(repository.findByHash(token.tokenHash()).orElseThrow().revoked());
    }

    @Test
    void revokeWhenAlreadyRevokedThenFalse() {
        OpaqueAccessToken token = token("a", Optional.empty(), 300);
        repository.save(token);
        repository.revoke(token.tokenHash());

        boolean again = repository.revoke(token.tokenHash());

        assertFalse(again);
        assertTrue(repository.findByHash(token.tokenHash()).orElseThrow().revoked());
    }

    @Test
    void revokeWhenUnknownThenFalse() {
        assertFalse(repository.revoke(TokenHash.of("unknown")));
    }

    @Test
    void revokeGrantWhenFamilyHasTokensThenOnlyThoseRevoked() { // RFC 7009 §2.1
        repository.save(token("a", Optional.of("family-1"), 300));
        repository.save(token("b", Optional.of("family-1"), 300));
        repository.save(token("c", Optional.of("family-2"), 300));
        repository.save(token("d", Optional.empty(), 300));

        int revoked = repository.revokeGrant("family-1");

        assertEquals(2, revoked);
        assertTrue(repository.findByHash(TokenHash.of("a")).orElseThrow().revoked());
        assertTrue(repository.findByHash(TokenHash.of("b")).orElseThrow().revoked());
        assertFalse(repository.findByHash(TokenHash.of("c")).orElseThrow().revoked());
        assertFalse(repository.findByHash(TokenHash.of("d")).orElseThrow().revoked());
    }

    @Test
    void revokeGrantWhenCalledTwiceThenSecondCountsNone() {
        repository.save(token("a", Optional.of("family-1"), 300));
        repository.revokeGrant("family-1");

        assertEquals(0, repository.revokeGrant("family-1"));
    }

    @Test
    void deleteExpiredWhenSomeExpiredThenOnlyThoseRemovedEarliestFirst() {
        repository.save(token("short", Optional.empty(), 60));
        repository.save(token("shorter", Optional.empty(), 30));
        repository.save(token("long", Optional.empty(), 600));

        int deleted = repository.deleteExpired(T0.plusSeconds(120), 1);

        assertEquals(1, deleted);
        assertEquals(Optional.empty(), repository.findByHash(TokenHash.of("shorter")));
        assertTrue(repository.findByHash(TokenHash.of("short")).isPresent());
        assertEquals(1, repository.deleteExpired(T0.plusSeconds(120), 10));
        assertTrue(repository.findByHash(TokenHash.of("long")).isPresent());
    }

    @Test
    void deleteExpiredWhenExpiryEqualsBeforeThenKept() {
        repository.save(token("a", Optional.empty(), 60));

        assertEquals(0, repository.deleteExpired(T0.plusSeconds(60), 10));
    }

    @Test
    void deleteExpiredWhenLimitNegativeThenIllegalArgument() {
        assertThrows(IllegalArgumentException.class, () -> repository.deleteExpired(T0, -1));
    }

    @Test
    void revokeMatchingWhenSubjectThenOnlyTheUsersTokensAndCountsChangesOnly() { // admin: revoke a user's tokens
        repository.save(token("mine", Optional.of("g1"), 300));
        OpaqueAccessToken other = new OpaqueAccessToken(TokenHash.of("theirs"), "jti-theirs", Optional.empty(),
                new ClientId("billing"), "someone-else", ScopeSet.of("openid"), List.of("https://api.example.com/orders"),
                T0, T0.plusSeconds(300), false);
        repository.save(other);

        assertEquals(1, repository.revokeMatching(Optional.of("248289761001"), Optional.empty()));

        assertTrue(repository.findByHash(TokenHash.of("mine")).orElseThrow().revoked());
        assertFalse(repository.findByHash(other.tokenHash()).orElseThrow().revoked());
        assertEquals(0, repository.revokeMatching(Optional.of("248289761001"), Optional.empty()));
    }

    @Test
    void revokeMatchingWhenClientThenOnlyThatClientsTokens() { // admin: revoke a client's tokens
        repository.save(token("billing", Optional.empty(), 300));

        assertEquals(0, repository.revokeMatching(Optional.empty(), Optional.of(new ClientId("shipping"))));
        assertEquals(1, repository.revokeMatching(Optional.of("248289761001"), Optional.of(new ClientId("billing"))));
    }

    @Test
    void revokeMatchingWhenNeitherSubjectNorClientThenIllegalArgumentException() {
        assertThrows(IllegalArgumentException.class, () -> repository.revokeMatching(Optional.empty(), Optional.empty()));
    }
}
