package dev.portcullis.oauth.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.memory.InMemoryConsentRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.scope.ScopeSet;
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
    private final List<OAuthEvent> events = new ArrayList<>();
    private final ManageUsers users = new ManageUsers(consents, refreshTokens, events::add,
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

        assertEquals(Optional.of(1), users.revokeConsent(ADMIN, ALICE, new ClientId("web")));

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

        assertEquals(2, users.revokeTokensOfUser(ADMIN, ALICE));

        assertTrue(revoked("a-web") && revoked("a-app"));
        assertFalse(revoked("b-web"));
    }

    @Test
    void revokeTokensOfClientThenEveryUsersTokensAtThatClient() {
        token("a-web", ALICE, "web");
        token("b-web", BOB, "web");
        token("a-app", ALICE, "app");

        assertEquals(2, users.revokeTokensOfClient(ADMIN, new ClientId("web")));

        assertFalse(revoked("a-app"));
    }
}
