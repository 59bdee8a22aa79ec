package dev.portcullis.oauth.domain.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceServerTest {

    private static final URI ORDERS = URI.create("https://api.example.com/orders");

    @Test
    void constructorWhenRelativeIdentifierThenIllegalArgument() { // RFC 8707 §2: absolute URI
        assertThrows(IllegalArgumentException.class,
                () -> new ResourceServer(URI.create("/orders"), ScopeSet.of("orders:read"), Set.of()));
    }

    @Test
    void constructorWhenIdentifierHasFragmentThenIllegalArgument() { // RFC 8707 §2: no fragment
        assertThrows(IllegalArgumentException.class,
                () -> new ResourceServer(URI.create("https://api.example.com/orders#x"), ScopeSet.EMPTY, Set.of()));
    }

    @Test
    void constructorWhenIdentifierTooLongThenIllegalArgument() {
        URI tooLong = URI.create("https://api.example.com/" + "a".repeat(ResourceServer.MAX_IDENTIFIER_LENGTH));

        assertThrows(IllegalArgumentException.class, () -> new ResourceServer(tooLong, ScopeSet.EMPTY, Set.of()));
    }

    @Test
    void constructorWhenUrnThenAccepted() {
        ResourceServer urn = new ResourceServer(URI.create("urn:example:orders"), ScopeSet.EMPTY, Set.of());

        assertEquals("urn:example:orders", urn.identifier().toString());
    }

    @Test
    void isReachedByWhenOneOwnedScopeGrantedThenTrue() {
        ResourceServer orders = new ResourceServer(ORDERS, ScopeSet.of("orders:read", "orders:write"), Set.of());

        assertTrue(orders.isReachedBy(ScopeSet.of("openid", "orders:write")));
    }

    @Test
    void isReachedByWhenNoOwnedScopeGrantedThenFalse() {
        ResourceServer orders = new ResourceServer(ORDERS, ScopeSet.of("orders:read"), Set.of());

        assertFalse(orders.isReachedBy(ScopeSet.of("payments:read")));
        assertFalse(orders.isReachedBy(ScopeSet.EMPTY));
    }

    @Test
    void mayIntrospectWhenListedThenTrueElseFalse() {
        ResourceServer orders = new ResourceServer(ORDERS, ScopeSet.EMPTY, Set.of(new ClientId("orders-api")));

        assertTrue(orders.mayIntrospect(new ClientId("orders-api")));
        assertFalse(orders.mayIntrospect(new ClientId("billing")));
    }
}
