package dev.portcullis.oauth.application.discovery;

import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.port.ScopeRepository;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Authorization server metadata (RFC 8414 §2), generated from what is enabled: nothing is
 * advertised that the server does not do. The same document is served as OpenID Provider
 * metadata (OIDC Discovery 1.0 §3). Thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8414#section-2">RFC 8414 §2</a>
 */
public final class DescribeServer {

    /** RFC 6749 §2.3.1: the methods the token endpoint accepts today. */
    private static final List<String> AUTH_METHODS = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.value(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.value());

    private final ServerSettings settings;
    private final GrantHandlerRegistry grants;
    private final ScopeRepository scopes;

    public DescribeServer(ServerSettings settings, GrantHandlerRegistry grants, ScopeRepository scopes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
    }

    /**
     * The metadata document as a JSON object: String, List and Map values only, in a stable order.
     */
    public Map<String, Object> metadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", settings.issuer().toString());
        metadata.put("token_endpoint", settings.endpoint("/token").toString());
        metadata.put("jwks_uri", settings.endpoint("/jwks").toString());
        metadata.put("scopes_supported", scopes.findAll().stream().map(d -> d.scope().value()).toList());
        // RFC 8414 §2: REQUIRED; no response type is served until the authorization endpoint exists.
        metadata.put("response_types_supported", List.of());
        metadata.put("grant_types_supported", grants.grantTypes().stream().map(GrantType::value).toList());
        metadata.put("token_endpoint_auth_methods_supported", AUTH_METHODS);
        return metadata;
    }

    /** The scope definitions behind {@code scopes_supported}. */
    public List<ScopeDefinition> scopes() {
        return scopes.findAll();
    }
}
