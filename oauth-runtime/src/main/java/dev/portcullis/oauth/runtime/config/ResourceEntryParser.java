package dev.portcullis.oauth.runtime.config;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code resources} list: the resource servers (RFC 8707) whose identifier becomes the
 * {@code aud} of tokens granted their scopes, and the clients that may introspect those tokens.
 *
 * <pre>{@code
 * resources:
 *   - identifier: https://api.example.com/orders    # absolute URI without fragment, matched exactly
 *     scope: orders:read orders:write                # the scopes it owns, each defined under scopes
 *     introspection_clients: [orders-api, gateway]   # clients that may introspect its tokens
 * }</pre>
 */
final class ResourceEntryParser {

    private static final Set<String> KEYS = Set.of("identifier", "scope", "introspection_clients");

    private ResourceEntryParser() {
    }

    static List<ResourceServer> parse(ConfigNode root) {
        List<ResourceServer> resources = new ArrayList<>();
        Set<String> identifiers = new HashSet<>();
        for (ConfigNode entry : root.sections("resources")) {
            ResourceServer resource = parseEntry(entry);
            if (!identifiers.add(resource.identifier().toString())) {
                throw new ConfigurationException(entry.key("identifier"), "duplicate resource identifier");
            }
            resources.add(resource);
        }
        return resources;
    }

    private static ResourceServer parseEntry(ConfigNode entry) {
        entry.requireKnownKeys(KEYS);
        String text = entry.text("identifier")
                .orElseThrow(() -> new ConfigurationException(entry.key("identifier"), "is required"));
        URI identifier = identifier(entry.key("identifier"), text);
        ScopeSet scopes = entry.text("scope").map(scope -> ScopeSet.parse(scope).orElseThrow(() ->
                new ConfigurationException(entry.key("scope"), "must be scope names separated by single spaces")))
                .orElseThrow(() -> new ConfigurationException(entry.key("scope"), "is required"));
        Set<ClientId> introspectors = new LinkedHashSet<>();
        List<String> clients = entry.texts("introspection_clients");
        for (int i = 0; i < clients.size(); i++) {
            if (!ClientId.isValid(clients.get(i))) {
                throw new ConfigurationException(entry.key("introspection_clients") + "[" + i + "]",
                        "must be 1 to 255 printable ASCII characters");
            }
            introspectors.add(new ClientId(clients.get(i)));
        }
        return new ResourceServer(identifier, scopes, introspectors);
    }

    /** RFC 8707 §2: an absolute URI without a fragment. */
    private static URI identifier(String key, String value) {
        try {
            URI uri = new URI(value);
            if (ResourceServer.isValidIdentifier(uri)) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ConfigurationException(key, "must be an absolute URI without a fragment (RFC 8707 §2), at most "
                + ResourceServer.MAX_IDENTIFIER_LENGTH + " characters");
    }
}
