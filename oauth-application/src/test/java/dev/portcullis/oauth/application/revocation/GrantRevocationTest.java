package dev.portcullis.oauth.application.revocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.application.memory.InMemoryOpaqueAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.server.RecordingUnitOfWork;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Refresh token reuse revokes the access tokens of the family too, in both formats (RFC 9700 §4.14.2);
 * a revocation's parts are one unit of work.
 */
class GrantRevocationTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private final TokenManagementFixture fixture = new TokenManagementFixture();

    private boolean active(String client, String token) {
        return fixture.introspect(client, token).active();
    }

    private void reuse(String client) {
        TokenResponse first = fixture.userTokens(client);
        TokenResponse rotated = fixture.refresh(client, first.refreshToken().orElseThrow().value());
        fixture.clock.advance(Duration.ofSeconds(11));

        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.refresh(client, first.refreshToken().orElseThrow().value()));

        assertEquals(StandardErrorCode.INVALID_GRANT, thrown.error().code());
        assertFalse(active(client, first.accessToken().value()));
        assertFalse(active(client, rotated.accessToken().value()));
        assertFalse(active(client, rotated.refreshToken().orElseThrow().value()));
    }

    @Test
    void refreshWhenReusedAfterGraceThenJwtAccessTokensOfTheFamilyRevoked() { // RFC 9700 §4.14.2
        reuse("billing");
    }

    @Test
    void refreshWhenReusedAfterGraceThenOpaqueAccessTokensOfTheFamilyRevoked() { // RFC 9700 §4.14.2
        reuse("billing-opaque");
    }

    @Test
    void revokeThenFamilyOpaqueTokensAndDenyListEntryInOneUnitOfWork() { // RFC 7009 §2.1: all or nothing
        InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
        InMemoryOpaqueAccessTokenRepository opaqueTokens = new InMemoryOpaqueAccessTokenRepository();
        InMemoryRevokedAccessTokenRepository denyList = new InMemoryRevokedAccessTokenRepository();
        RecordingUnitOfWork units = new RecordingUnitOfWork();
        refreshTokens.save(new RefreshToken(TokenHash.of("rt"), "grant-1", new ClientId("c"), new Subject("s"),
                ScopeSet.of("read"), NOW, NOW, NOW.plusSeconds(3600), false));
        opaqueTokens.save(new OpaqueAccessToken(TokenHash.of("at"), "jti-1", Optional.of("grant-1"), new ClientId("c"),
                "s", ScopeSet.of("read"), List.of("https://api.example.com"), NOW, NOW.plusSeconds(300), false));
        GrantRevocation revocation = new GrantRevocation(Optional.of(refreshTokens), Optional.of(opaqueTokens),
                Optional.of(denyList), Clock.fixed(NOW, ZoneOffset.UTC), units);

        revocation.revoke("grant-1", Duration.ofMinutes(5));

        assertEquals(1, units.units());
        assertTrue(refreshTokens.findByHash(TokenHash.of("rt")).orElseThrow().revoked());
        assertTrue(opaqueTokens.findByHash(TokenHash.of("at")).orElseThrow().revoked());
        assertTrue(denyList.isRevoked(JwtAccessTokens.grantDenyListEntry("grant-1")));
    }

    @Test
    void refreshWhenReusedThenOtherFamiliesUntouched() {
        TokenResponse other = fixture.userTokens("billing");

        reuse("billing");

        assertTrue(active("billing", other.accessToken().value()));
        assertTrue(active("billing", other.refreshToken().orElseThrow().value()));
    }
}
