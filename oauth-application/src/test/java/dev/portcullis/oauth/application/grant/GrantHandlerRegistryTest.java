package dev.portcullis.oauth.application.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.grant.builtin.ClientCredentialsGrantHandler;
import dev.portcullis.oauth.domain.grant.GrantType;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantHandlerRegistryTest {

    @Test
    void constructorWhenTwoHandlersForOneGrantTypeThenIllegalStateNamingBoth() { // GrantHandler contract
        List<GrantHandler> handlers = List.of(new ClientCredentialsGrantHandler(),
                new RecordingGrantHandler(GrantType.CLIENT_CREDENTIALS));

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new GrantHandlerRegistry(handlers));

        assertEquals("two grant handlers for grant type client_credentials: "
                + "dev.portcullis.oauth.application.grant.builtin.ClientCredentialsGrantHandler and "
                + "dev.portcullis.oauth.application.grant.RecordingGrantHandler", thrown.getMessage());
    }

    @Test
    void findWhenRegisteredThenHandler() {
        ClientCredentialsGrantHandler handler = new ClientCredentialsGrantHandler();
        GrantHandlerRegistry registry = new GrantHandlerRegistry(List.of(handler));

        Optional<GrantHandler> found = registry.find(GrantType.CLIENT_CREDENTIALS);

        assertSame(handler, found.orElseThrow());
    }

    @Test
    void findWhenNotRegisteredThenEmpty() {
        GrantHandlerRegistry registry = new GrantHandlerRegistry(List.of(new ClientCredentialsGrantHandler()));

        Optional<GrantHandler> found = registry.find(GrantType.REFRESH_TOKEN);

        assertEquals(Optional.empty(), found);
    }

    @Test
    void grantTypesWhenSeveralHandlersThenRegistrationOrder() {
        GrantHandlerRegistry registry = new GrantHandlerRegistry(List.of(new RecordingGrantHandler(),
                new ClientCredentialsGrantHandler(), new DiscoverableGrantHandler()));

        Set<GrantType> types = registry.grantTypes();

        assertEquals(List.of(RecordingGrantHandler.GRANT_TYPE, GrantType.CLIENT_CREDENTIALS,
                DiscoverableGrantHandler.GRANT_TYPE), new ArrayList<>(types));
    }

    @Test
    void grantTypesWhenModifiedThenUnsupportedOperation() {
        GrantHandlerRegistry registry = new GrantHandlerRegistry(List.of(new ClientCredentialsGrantHandler()));

        assertThrows(UnsupportedOperationException.class, () -> registry.grantTypes().add(GrantType.REFRESH_TOKEN));
    }

    @Test
    void constructorWhenSourceListChangesLaterThenRegistryUnchanged() {
        List<GrantHandler> handlers = new ArrayList<>(List.of(new ClientCredentialsGrantHandler()));
        GrantHandlerRegistry registry = new GrantHandlerRegistry(handlers);

        handlers.add(new RecordingGrantHandler());

        assertEquals(Set.of(GrantType.CLIENT_CREDENTIALS), registry.grantTypes());
    }

    @Test
    void discoverWhenServicesFileListsHandlerThenFound() throws IOException { // java.util.ServiceLoader
        try (URLClassLoader loader = discoveryLoader()) {
            List<GrantHandler> found = GrantHandlerRegistry.discover(loader);

            assertEquals(1, found.size());
            assertEquals(DiscoverableGrantHandler.GRANT_TYPE, found.get(0).grantType());
        }
    }

    @Test
    void discoverWhenNoServicesFileThenEmpty() {
        List<GrantHandler> found = GrantHandlerRegistry.discover(getClass().getClassLoader());

        assertTrue(found.isEmpty(), found::toString);
    }

    /** A loader that sees the test classes plus the services file under {@code grant-handler-discovery/}. */
    static URLClassLoader discoveryLoader() {
        URL root = Objects.requireNonNull(GrantHandlerRegistryTest.class.getResource("/grant-handler-discovery/"),
                "grant-handler-discovery test resource");
        return new URLClassLoader(new URL[] {root}, GrantHandlerRegistryTest.class.getClassLoader());
    }
}
