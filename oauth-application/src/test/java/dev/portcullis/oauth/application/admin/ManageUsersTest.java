package dev.portcullis.oauth.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryConsentRepository;
import dev.portcullis.oauth.application.memory.InMemoryOpaqueAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryUnitOfWork;
import dev.portcullis.oauth.application.token.GrantRevocation;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.event.TokensRevoked;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.OpaqueAccessToken;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManageUsersTest {

    private static final ClientId ADMIN = new ClientId("ops");
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Subject ALICE = new Subject("alice");
    private static final Subject BOB = new Subject("bob");

    private final InMemoryConsentRepository consents = new InMemoryConsentRepository();
    private final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private final InMemoryOpaqueAccessTokenRepository opaqueTokens = new InMemoryOpaqueAccessTokenRepository();
    private final InMemoryRevokedAccessTokenRepository denyList = new InMemoryRevokedAccessTokenRepository();
    private final InMemoryClientRepository clients = new InMemoryClientRepository();
    private final List<OAuthEvent> events = new ArrayList<>();
    private final ManageUsers users = new ManageUsers(consents, new RevokeTokens(refreshTokens, Optional.of(opaqueTokens),
            new GrantRevocation(Optional.of(refreshTokens), Optional.of(opaqueTokens), Optional.of(denyList),
                    Clock.fixed(NOW, ZoneOffset.UTC), new InMemoryUnitOfWork()), clients, TokenLifetimes.DEFAULTS), events::add,
            Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC));

    private void token(String value, Subject subject, String clientId) {
        refreshTokens.save(new RefreshToken(TokenHash.of(value), "grant-" + value, new ClientId(clientId), subject,
                ScopeSet.of("read"), NOW, NOW, NOW.plusSeconds(3600), false));
    }

    private boolean revoked(String value) {
        return refreshTokens.findByHash(TokenHash.of(value)).orElseThrow().revoked();
    }

    @Test
    void consentsThenSortedByClient() {
        consents.save(new Consent(ALICE, new ClientId("web"), ScopeSet.of("read"), NOW));
        consents.save(new Consent(ALICE, new ClientId("app"), ScopeSet.of("read"), NOW));

        List<Consent> found = users.consents(ALICE);

        assertEquals(List.of("app", "web"), found.stream().map(consent -> consent.clientId().value()).toList());
    }

    @Test
    void revokeConsentThenForgottenAndThatClientsTokensOfTheUserRevoked() {
        consents.save(new Consent(ALICE, new ClientId("web"), ScopeSet.of("read"), NOW));
        token("a-web", ALICE, "web");
        token("a-app", ALICE, "app");
        token("b-web", BOB, "web");

        assertEquals(1, users.revokeConsent(ADMIN, ALICE, new ClientId("web")).orElseThrow().grants());

        assertEquals(Optional.empty(), consents.find(ALICE, new ClientId("web")));
        assertTrue(revoked("a-web"));
        assertFalse(revoked("a-app"));
        assertFalse(revoked("b-web"));
        assertEquals(Optional.empty(), users.revokeConsent(ADMIN, ALICE, new ClientId("web")));
    }

    @Test
    void revokeConsentThenOneConsentRevokedEventNamingTheAdmin() {
        consents.save(new Consent(ALICE, new ClientId("web"), ScopeSet.of("read"), NOW));

        users.revokeConsent(ADMIN, ALICE, new ClientId("web"));
        users.revokeConsent(ADMIN, ALICE, new ClientId("web"));

        assertEquals(List.of(new ConsentChanged(Instant.parse("2026-11-27T12:00:00Z"), new ClientId("web"),
                ALICE.value(), false, ScopeSet.EMPTY, Optional.of(ADMIN))), events);
    }

    @Test
    void revokeTokensOfUserThenEveryClientsTokensOfThatUser() {
        token("a-web", ALICE, "web");
        token("a-app", ALICE, "app");
        token("b-web", BOB, "web");

        assertEquals(2, users.revokeTokensOfUser(ADMIN, ALICE).grants());
        assertEquals(List.of(new TokensRevoked(Instant.parse("2026-11-27T12:00:00Z"), Optional.of("alice"),
                Optional.empty(), 2, 0, ADMIN)), events, "the audit trail");

        assertTrue(revoked("a-web") && revoked("a-app"));
        assertFalse(revoked("b-web"));
        // RFC 7009 §2.1: the JWT access tokens of each grant are deny-listed through the grant.
        assertTrue(denyList.isRevoked(JwtAccessTokens.grantDenyListEntry("grant-a-web")));
        assertTrue(denyList.isRevoked(JwtAccessTokens.grantDenyListEntry("grant-a-app")));
        assertFalse(denyList.isRevoked(JwtAccessTokens.grantDenyListEntry("grant-b-web")));
    }

    @Test
    void revokeTokensOfClientThenEveryUsersTokensAtThatClient() {
        token("a-web", ALICE, "web");
        token("b-web", BOB, "web");
        token("a-app", ALICE, "app");

        opaqueTokens.save(new OpaqueAccessToken(TokenHash.of("cc-web"), "jti-cc", Optional.empty(), new ClientId("web"),
                "web", ScopeSet.of("read"), List.of("https://api.example.com"), NOW, NOW.plusSeconds(300), false));

        RevokeTokens.Revoked revoked = users.revokeTokensOfClient(ADMIN, new ClientId("web"));

        assertEquals(2, revoked.grants());
        assertEquals(1, revoked.opaqueAccessTokens(), "the client's own client_credentials token");
        assertTrue(opaqueTokens.findByHash(TokenHash.of("cc-web")).orElseThrow().revoked());
        assertFalse(revoked("a-app"));
    }
}
