package dev.portcullis.oauth.application.revocation;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.TokenRevoked;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RevokeTokenTest {

    private final TokenManagementFixture fixture = new TokenManagementFixture();

    private boolean active(String caller, String token) {
        return fixture.introspect(caller, token).active();
    }

    private static String jti(TokenResponse response) {
        return (String) TokenManagementFixture.claims(response).get("jti");
    }

    @Test
    void revokeWhenOwnJwtAccessTokenThenDenyListedUntilItExpires() { // RFC 7009 §2, DESIGN.md "Storage"
        TokenResponse token = fixture.clientToken("billing");

        fixture.revoke("billing", token.accessToken().value());

        assertTrue(fixture.servers.revokedAccessTokens().isRevoked(jti(token)));
        assertFalse(active("billing", token.accessToken().value()));
        assertEquals(0, fixture.servers.revokedAccessTokens().deleteExpired(TestServers.NOW.plusSeconds(300), 10));
        assertEquals(1, fixture.servers.revokedAccessTokens().deleteExpired(TestServers.NOW.plusSeconds(301), 10));
    }

    @Test
    void revokeWhenOwnAccessTokenThenTokenRevokedEventWithItsJti() { // RFC 7009 §2.1
        TokenResponse token = fixture.clientToken("billing");

        fixture.revoke("billing", token.accessToken().value());

        assertEquals(List.of(new TokenRevoked(fixture.clock.instant(), new ClientId("billing"), Optional.of("billing"),
                TokenRevoked.ACCESS_TOKEN, jti(token))), revocations());
    }

    @Test
    void revokeWhenAnotherClientsAccessTokenThenNoEvent() { // RFC 7009 §2.1
        TokenResponse token = fixture.clientToken("billing");

        fixture.revoke("stranger", token.accessToken().value());

        assertEquals(List.of(), revocations());
    }

    private List<OAuthEvent> revocations() {
        return fixture.servers.events().stream().filter(TokenRevoked.class::isInstance).toList();
    }

    @Test
    void revokeWhenAnotherClientsJwtAccessTokenThenNothingHappens() { // RFC 7009 §2.1
        TokenResponse token = fixture.clientToken("billing");

        assertDoesNotThrow(() -> fixture.revoke("stranger", token.accessToken().value()));

        assertFalse(fixture.servers.revokedAccessTokens().isRevoked(jti(token)));
        assertTrue(active("billing", token.accessToken().value()));
    }

    @Test
    void revokeWhenResourceServerOfTheAudienceRevokesThenNothingHappens() { // RFC 7009 §2.1: only the client's own
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");

        fixture.revoke("orders-api", token.accessToken().value());

        assertTrue(active("billing", token.accessToken().value()));
    }

    @Test
    void revokeWhenOwnOpaqueAccessTokenThenRevokedInStore() {
        TokenResponse token = fixture.clientToken("billing-opaque");

        fixture.revoke("billing-opaque", token.accessToken().value(), "token_type_hint", "access_token");

        assertTrue(fixture.servers.opaqueAccessTokens().findByHash(TokenHash.of(token.accessToken().value()))
                .orElseThrow().revoked());
        assertFalse(active("billing-opaque", token.accessToken().value()));
    }

    @Test
    void revokeWhenAnotherClientsOpaqueAccessTokenThenNothingHappens() {
        TokenResponse token = fixture.clientToken("billing-opaque");

        fixture.revoke("stranger", token.accessToken().value());

        assertTrue(active("billing-opaque", token.accessToken().value()));
    }

    @Test
    void revokeWhenRefreshTokenThenFamilyAndItsJwtAccessTokensRevoked() { // RFC 7009 §2.1
        TokenResponse first = fixture.userTokens("billing");
        TokenResponse rotated = fixture.refresh("billing", first.refreshToken().orElseThrow().value());

        fixture.revoke("billing", rotated.refreshToken().orElseThrow().value(), "token_type_hint", "refresh_token");

        assertFalse(active("billing", rotated.refreshToken().orElseThrow().value()));
        assertFalse(active("billing", first.accessToken().value()));
        assertFalse(active("billing", rotated.accessToken().value()));
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.refresh("billing", rotated.refreshToken().orElseThrow().value()));
        assertEquals(StandardErrorCode.INVALID_GRANT, thrown.error().code());
    }

    @Test
    void revokeWhenRefreshTokenThenGrantDenyListedForTheAccessTokenLifetime() {
        TokenResponse tokens = fixture.userTokens("billing");
        String grantId = (String) TokenManagementFixture.claims(tokens).get(JwtAccessTokens.GRANT_ID_CLAIM);
        fixture.clock.advance(Duration.ofSeconds(100));

        fixture.revoke("billing", tokens.refreshToken().orElseThrow().value());

        String entry = JwtAccessTokens.grantDenyListEntry(grantId);
        assertTrue(fixture.servers.revokedAccessTokens().isRevoked(entry));
        Instant lastExpiry = TestServers.NOW.plusSeconds(100 + 300);
        assertEquals(0, fixture.servers.revokedAccessTokens().deleteExpired(lastExpiry, 10));
        assertEquals(1, fixture.servers.revokedAccessTokens().deleteExpired(lastExpiry.plusSeconds(1), 10));
    }

    @Test
    void revokeWhenRefreshTokenThenOpaqueAccessTokensOfTheFamilyRevoked() { // RFC 7009 §2.1
        TokenResponse tokens = fixture.userTokens("billing-opaque");
        TokenResponse other = fixture.userTokens("billing-opaque");

        fixture.revoke("billing-opaque", tokens.refreshToken().orElseThrow().value());

        assertFalse(active("billing-opaque", tokens.accessToken().value()));
        assertTrue(active("billing-opaque", other.accessToken().value()));
        assertTrue(active("billing-opaque", other.refreshToken().orElseThrow().value()));
    }

    @Test
    void revokeWhenRefreshTokenSentWithAccessTokenHintThenStillRevoked() { // RFC 7009 §2.1: search extends
        TokenResponse tokens = fixture.userTokens("billing");

        fixture.revoke("billing", tokens.refreshToken().orElseThrow().value(), "token_type_hint", "access_token");

        assertFalse(active("billing", tokens.refreshToken().orElseThrow().value()));
    }

    @Test
    void revokeWhenUnknownHintThenIgnoredAndRevoked() { // RFC 7009 §2.1: the server MAY ignore the hint
        TokenResponse token = fixture.clientToken("billing");

        fixture.revoke("billing", token.accessToken().value(), "token_type_hint", "id_token");

        assertFalse(active("billing", token.accessToken().value()));
    }

    @Test
    void revokeWhenAnotherClientsRefreshTokenThenNothingHappens() { // RFC 7009 §2.1
        TokenResponse tokens = fixture.userTokens("billing");

        fixture.revoke("stranger", tokens.refreshToken().orElseThrow().value());

        assertTrue(active("billing", tokens.refreshToken().orElseThrow().value()));
        assertTrue(active("billing", tokens.accessToken().value()));
    }

    @Test
    void revokeWhenAccessTokenThenRefreshTokenKept() { // RFC 7009 §2.1: revoking an access token MAY keep the grant
        TokenResponse tokens = fixture.userTokens("billing");

        fixture.revoke("billing", tokens.accessToken().value());

        assertTrue(active("billing", tokens.refreshToken().orElseThrow().value()));
    }

    @Test
    void revokeWhenUnknownTokenThenSucceedsQuietly() { // RFC 7009 §2.2: invalid tokens do not cause an error
        assertDoesNotThrow(() -> fixture.revoke("billing", "never-issued"));
        assertDoesNotThrow(() -> fixture.revoke("billing", "eyJ.eyJ.sig"));
    }

    @Test
    void revokeWhenAlreadyRevokedThenSucceedsQuietly() {
        TokenResponse tokens = fixture.userTokens("billing");
        fixture.revoke("billing", tokens.refreshToken().orElseThrow().value());

        assertDoesNotThrow(() -> fixture.revoke("billing", tokens.refreshToken().orElseThrow().value()));
    }

    @Test
    void revokeWhenExpiredAccessTokenThenSucceedsQuietly() {
        TokenResponse token = fixture.clientToken("billing");
        fixture.clock.advance(Duration.ofSeconds(301));

        assertDoesNotThrow(() -> fixture.revoke("billing", token.accessToken().value()));
        assertFalse(fixture.servers.revokedAccessTokens().isRevoked(jti(token)));
    }

    @Test
    void revokeWhenPublicClientRevokesItsRefreshTokenThenFamilyRevoked() { // RFC 7009 §5: public clients may revoke
        TokenResponse tokens = fixture.server.issueToken().issue(TokenManagementFixture.publicRequest(
                "grant_type", "urn:example:grant:test-user", "subject", "alice", "client_id", "cli"));

        fixture.revoker().revoke(TokenManagementFixture.publicRequest(
                "token", tokens.refreshToken().orElseThrow().value(), "client_id", "cli"));

        assertTrue(fixture.servers.refreshTokens().findByHash(TokenHash.of(tokens.refreshToken().orElseThrow().value()))
                .orElseThrow().revoked());
    }

    @Test
    void revokeWhenTokenMissingThenInvalidRequest() { // RFC 7009 §2.1: token is REQUIRED
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.revoker().revoke(TestServers.basic("billing", "token_type_hint", "access_token")));

        assertEquals(StandardErrorCode.INVALID_REQUEST, thrown.error().code());
        assertEquals("The token parameter is missing.", thrown.error().description());
    }

    @Test
    void revokeWhenNoCredentialsThenInvalidClient() { // RFC 7009 §2.1
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> fixture.revoker().revoke(TestServers.anonymous("token", "x")));

        assertEquals(StandardErrorCode.INVALID_CLIENT, thrown.error().code());
    }
}
