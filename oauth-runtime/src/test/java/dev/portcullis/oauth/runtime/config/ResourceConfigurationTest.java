package dev.portcullis.oauth.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.portcullis.oauth.domain.client.AccessTokenFormat;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code resources} list and the client's {@code access_token_format} in the configuration file. */
class ResourceConfigurationTest {

    @TempDir
    Path dir;

    private RuntimeSettings load(String yaml) throws IOException {
        return new SettingsLoader(Map.of()).load(Files.writeString(dir.resolve("portcullis.yaml"), yaml));
    }

    private void assertRefused(String message, String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("portcullis.yaml"), yaml);

        ConfigurationException thrown = assertThrows(ConfigurationException.class,
                () -> new SettingsLoader(Map.of()).load(file));

        assertEquals(message, thrown.getMessage());
    }

    @Test
    void loadWhenResourcesDeclaredThenParsed() throws IOException {
        RuntimeSettings settings = load("""
                resources:
                  - identifier: https://api.example.com/orders
                    scope: orders:read orders:write
                    introspection_clients: [orders-api, gateway]
                  - identifier: urn:example:payments
                    scope: payments:read
                """);

        assertEquals(List.of(
                new ResourceServer(URI.create("https://api.example.com/orders"), ScopeSet.of("orders:read", "orders:write"),
                        Set.of(new ClientId("orders-api"), new ClientId("gateway"))),
                new ResourceServer(URI.create("urn:example:payments"), ScopeSet.of("payments:read"), Set.of())),
                settings.resources());
    }

    @Test
    void loadWhenNoResourcesThenEmpty() throws IOException {
        assertEquals(List.of(), load("issuer: https://auth.example.com\n").resources());
    }

    @Test
    void loadWhenIdentifierMissingThenError() throws IOException {
        assertRefused("resources[0].identifier: is required", "resources:\n  - scope: a\n");
    }

    @Test
    void loadWhenIdentifierRelativeThenError() throws IOException { // RFC 8707 §2
        assertRefused("resources[0].identifier: must be an absolute URI without a fragment (RFC 8707 §2), at most 2048"
                + " characters", "resources:\n  - identifier: /orders\n    scope: a\n");
    }

    @Test
    void loadWhenIdentifierHasFragmentThenError() throws IOException { // RFC 8707 §2
        assertRefused("resources[0].identifier: must be an absolute URI without a fragment (RFC 8707 §2), at most 2048"
                + " characters", "resources:\n  - identifier: https://api.example.com/a#b\n    scope: a\n");
    }

    @Test
    void loadWhenScopeMissingThenError() throws IOException {
        assertRefused("resources[0].scope: is required", "resources:\n  - identifier: https://api.example.com/a\n");
    }

    @Test
    void loadWhenScopeMalformedThenError() throws IOException {
        assertRefused("resources[0].scope: must be scope names separated by single spaces",
                "resources:\n  - identifier: https://api.example.com/a\n    scope: \"a  b\"\n");
    }

    @Test
    void loadWhenDuplicateIdentifierThenError() throws IOException {
        assertRefused("resources[1].identifier: duplicate resource identifier", """
                resources:
                  - identifier: https://api.example.com/a
                    scope: a
                  - identifier: https://api.example.com/a
                    scope: b
                """);
    }

    @Test
    void loadWhenUnknownKeyThenError() throws IOException {
        assertRefused("resources[0].audience: unknown key",
                "resources:\n  - identifier: https://api.example.com/a\n    scope: a\n    audience: x\n");
    }

    @Test
    void loadWhenIntrospectionClientInvalidThenError() throws IOException {
        assertRefused("resources[0].introspection_clients[0]: must be 1 to 255 printable ASCII characters",
                "resources:\n  - identifier: https://api.example.com/a\n    scope: a\n    introspection_clients: [" + "x".repeat(256)
                        + "]\n");
    }

    @Test
    void loadWhenResourcesNotAListThenError() throws IOException {
        assertRefused("resources: must be a list", "resources: https://api.example.com/a\n");
    }

    @Test
    void loadWhenAccessTokenFormatOpaqueThenParsed() throws IOException {
        RuntimeSettings settings = load("""
                clients:
                  - client_id: billing
                    client_secret: a-long-enough-secret-value
                    access_token_format: opaque
                  - client_id: other
                    client_secret: a-long-enough-secret-value
                """);

        assertEquals(AccessTokenFormat.OPAQUE, settings.clients().get(0).client().accessTokenFormat());
        assertEquals(AccessTokenFormat.JWT, settings.clients().get(1).client().accessTokenFormat());
    }

    @Test
    void loadWhenAccessTokenFormatUnknownThenError() throws IOException {
        assertRefused("clients[0].access_token_format: unknown format; use jwt or opaque", """
                clients:
                  - client_id: billing
                    client_secret: a-long-enough-secret-value
                    access_token_format: reference
                """);
    }
}
