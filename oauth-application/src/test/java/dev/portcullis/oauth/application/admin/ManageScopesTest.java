package dev.portcullis.oauth.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.event.ScopeChanged;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManageScopesTest {

    private static final ClientId ADMIN = new ClientId("ops");
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private final InMemoryScopeRepository scopes = new InMemoryScopeRepository();
    private final List<OAuthEvent> events = new ArrayList<>();
    private final ManageScopes manage = new ManageScopes(scopes, events::add, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void putThenCreatedOnceThenReplacedAndEachChangeAudited() {
        assertTrue(manage.put(ADMIN, new ScopeDefinition(new Scope("orders:read"), "Read orders")));
        assertFalse(manage.put(ADMIN, new ScopeDefinition(new Scope("orders:read"), "Read your orders")));

        assertEquals(List.of(new ScopeDefinition(new Scope("orders:read"), "Read your orders")), manage.list());
        assertEquals(List.of(new ScopeChanged(NOW, "orders:read", ScopeChanged.Change.CREATED, ADMIN),
                new ScopeChanged(NOW, "orders:read", ScopeChanged.Change.REPLACED, ADMIN)), events);
    }

    @Test
    void deleteWhenDefinedThenAuditedAndWhenUnknownThenNothing() {
        manage.put(ADMIN, new ScopeDefinition(new Scope("orders:read"), ""));
        events.clear();

        assertTrue(manage.delete(ADMIN, new Scope("orders:read")));
        assertFalse(manage.delete(ADMIN, new Scope("orders:read")));

        assertEquals(List.of(new ScopeChanged(NOW, "orders:read", ScopeChanged.Change.DELETED, ADMIN)), events);
    }
}
