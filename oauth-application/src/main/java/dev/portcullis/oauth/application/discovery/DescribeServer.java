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

    private static final List<String> AUTH_METHODS_WITH_NONE = List.of(
            ClientAuthenticationMethod.CLIENT_SECRET_BASIC.value(),
            ClientAuthenticationMethod.CLIENT_SECRET_POST.value(),
            ClientAuthenticationMethod.NONE.value());

    private final ServerSettings settings;
    private final GrantHandlerRegistry grants;
    private final ScopeRepository scopes;

    public DescribeServer(ServerSettings settings, GrantHandlerRegistry grants, ScopeRepository scopes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.grants = Objects.requireNonNull(grants, "grants");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
    }

    /**
     * The metadata document as a JSON object: String, Boolean, List and Map values only, in a stable order.
     */
    public Map<String, Object> metadata() {
        // The authorization endpoint is served exactly when its codes can be redeemed.
        boolean codeFlow = grants.find(GrantType.AUTHORIZATION_CODE).isPresent();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", settings.issuer().toString());
        if (codeFlow) {
            metadata.put("authorization_endpoint", settings.endpoint("/authorize").toString());
        }
        metadata.put("token_endpoint", settings.endpoint("/token").toString());
        metadata.put("jwks_uri", settings.endpoint("/jwks").toString());
        metadata.put("scopes_supported", scopes.findAll().stream().map(d -> d.scope().value()).toList());
        // RFC 8414 §2: REQUIRED; empty while no authorization endpoint is served.
        metadata.put("response_types_supported", codeFlow ? List.of("code") : List.of());
        if (codeFlow) {
            // OAuth 2.0 Multiple Response Type Encoding Practices §2.1, OAuth 2.0 Form Post Response Mode §2.
            metadata.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        }
        metadata.put("grant_types_supported", grants.grantTypes().stream().map(GrantType::value).toList());
        // RFC 7591 §2: public clients ("none") authenticate with PKCE only, at the code grant.
        metadata.put("token_endpoint_auth_methods_supported", codeFlow ? AUTH_METHODS_WITH_NONE : AUTH_METHODS);
        if (codeFlow) {
            // RFC 9700 §2.1.1: S256 only is advertised; plain is a per-client exception.
            metadata.put("code_challenge_methods_supported", List.of("S256"));
            // RFC 9207 §3: every authorization response carries iss.
            metadata.put("authorization_response_iss_parameter_supported", true);
        }
        return metadata;
    }

    /** The scope definitions behind {@code scopes_supported}. */
    public List<ScopeDefinition> scopes() {
        return scopes.findAll();
    }
}
