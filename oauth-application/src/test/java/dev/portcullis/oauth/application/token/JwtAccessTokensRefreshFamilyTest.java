package dev.portcullis.oauth.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenValue;
import dev.portcullis.oauth.domain.user.Subject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@link JwtAccessTokens} sets the expiry and scope of refresh tokens, new and rotated. */
class JwtAccessTokensRefreshFamilyTest {

    private static final TokenValue SUCCESSOR = new TokenValue("successor-of-the-presented-token");

    private static final Instant NOW = TestServers.NOW;
    private static final Client CLIENT = TestClients.confidential().lifetimes(
            new TokenLifetimes(Duration.ofMinutes(5), Duration.ofDays(10), Duration.ofSeconds(60), Duration.ofDays(2)))
            .build();

    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final JwtAccessTokens tokens = new JwtAccessTokens(ServerSettings.of(TestServers.ISSUER),
            (algorithm, type, claims) -> "jwt-" + claims.get("jti"), new SecureRandomTokenValueGenerator(new SecureRandom()),
            event -> { }, TestServers.CLOCK, refreshTokens);

    @Test
    void forUserWhenNewFamilyThenIdleExpiryAndFamilyEndsAfterAbsoluteLifetime() {
        RefreshToken stored = issue(Optional.empty(), ScopeSet.of("openid", "offline_access", "read"));

        assertEquals(NOW.plus(Duration.ofDays(2)), stored.expiresAt());
        assertEquals(NOW.plus(Duration.ofDays(10)), stored.familyExpiresAt());
        assertEquals(Optional.empty(), stored.usedAt());
    }

    @Test
    void forUserWhenFamilyContinuedThenItsEndKept() { // RFC 9700 §4.14.2: rotation never extends the family
        Instant familyEnd = NOW.plus(Duration.ofDays(5));

        RefreshToken stored = issue(Optional.of(new RefreshFamily(ScopeSet.of("read"), familyEnd, SUCCESSOR)), ScopeSet.of("read"));

        assertEquals(NOW.plus(Duration.ofDays(2)), stored.expiresAt());
        assertEquals(familyEnd, stored.familyExpiresAt());
    }

    @Test
    void forUserWhenFamilyContinuedThenTheSuccessorValueIsIssuedAndStoredAsItsHash() { // RFC 9700 §4.14.2
        IssuedTokens issued = tokens.issuerFor(CLIENT).forUser(new UserGrant(new Subject("user-1"), CLIENT.id(),
                ScopeSet.of("read"), NOW.minusSeconds(60), "grant-1", GrantType.REFRESH_TOKEN,
                Optional.of(new RefreshFamily(ScopeSet.of("read"), NOW.plus(Duration.ofDays(5)), SUCCESSOR))));

        assertEquals(SUCCESSOR.value(), issued.response().refreshToken().orElseThrow().value());
    }

    @Test
    void forUserWhenSuccessorStoredConcurrentlyForTheSameFamilyThenIssuedOnce() { // concurrent rotations
        RefreshFamily family = new RefreshFamily(ScopeSet.of("read"), NOW.plus(Duration.ofDays(5)), SUCCESSOR);

        issue(Optional.of(family), ScopeSet.of("read"));
        RefreshToken again = issue(Optional.of(family), ScopeSet.of("read"));

        assertEquals(TokenHash.of(SUCCESSOR.value()), again.tokenHash());
    }

    @Test
    void forUserWhenSuccessorValueTakenByAnotherFamilyThenIllegalStateException() { // never joins another family
        RefreshFamily family = new RefreshFamily(ScopeSet.of("read"), NOW.plus(Duration.ofDays(5)), SUCCESSOR);
        issue(Optional.of(family), ScopeSet.of("read"));

        assertThrows(IllegalStateException.class, () -> tokens.issuerFor(CLIENT).forUser(new UserGrant(
                new Subject("user-1"), CLIENT.id(), ScopeSet.of("read"), NOW.minusSeconds(60), "grant-2",
                GrantType.REFRESH_TOKEN, Optional.of(family))));
    }

    @Test
    void forUserWhenFamilyEndsBeforeIdleExpiryThenTokenExpiresWithTheFamily() {
        Instant familyEnd = NOW.plus(Duration.ofHours(3));

        RefreshToken stored = issue(Optional.of(new RefreshFamily(ScopeSet.of("read"), familyEnd, SUCCESSOR)), ScopeSet.of("read"));

        assertEquals(familyEnd, stored.expiresAt());
    }

    @Test
    void forUserWhenAccessScopeNarrowedThenRefreshTokenKeepsTheFamilyScope() { // RFC 6749 §6
        RefreshFamily family = new RefreshFamily(ScopeSet.of("openid", "offline_access", "read"), NOW.plus(Duration.ofDays(5)),
                SUCCESSOR);

        RefreshToken stored = issue(Optional.of(family), ScopeSet.of("read"));

        assertEquals(ScopeSet.of("openid", "offline_access", "read"), stored.scope());
    }

    private RefreshToken issue(Optional<RefreshFamily> family, ScopeSet scope) {
        IssuedTokens issued = tokens.issuerFor(CLIENT).forUser(new UserGrant(new Subject("user-1"), CLIENT.id(), scope,
                NOW.minusSeconds(60), "grant-1", GrantType.REFRESH_TOKEN, family));
        String value = issued.response().refreshToken().orElseThrow().value();
        return refreshTokens.findByHash(TokenHash.of(value)).orElseThrow();
    }
}
