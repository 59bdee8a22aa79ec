package dev.portcullis.oauth.application.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.domain.grant.GrantType;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Discovery of the introspection and revocation endpoints (RFC 8414 §2, RFC 9701 §7). */
class TokenManagementMetadataTest {

    @Test
    void metadataWhenIntrospectionServedThenEndpointsAndMethodsAdvertised() throws Exception { // RFC 8414 §2
        Map<String, Object> metadata = new TokenManagementFixture().server.describeServer().metadata();

        AuthorizationServerMetadata parsed = AuthorizationServerMetadata.parse(JSONObjectUtils.toJSONString(metadata));

        assertEquals(URI.create("https://as.example.com/introspect"), parsed.getIntrospectionEndpointURI());
        assertEquals(URI.create("https://as.example.com/revoke"), parsed.getRevocationEndpointURI());
        // The same client authentication as the token endpoint, assertions included (RFC 7523).
        List<ClientAuthenticationMethod> methods = List.of(ClientAuthenticationMethod.CLIENT_SECRET_BASIC,
                ClientAuthenticationMethod.CLIENT_SECRET_POST, ClientAuthenticationMethod.PRIVATE_KEY_JWT,
                ClientAuthenticationMethod.CLIENT_SECRET_JWT);
        assertEquals(methods, parsed.getIntrospectionEndpointAuthMethods());
        assertEquals(methods, parsed.getRevocationEndpointAuthMethods());
        assertEquals(List.of("RS256"), metadata.get("introspection_signing_alg_values_supported"));
    }

    @Test
    void metadataWhenClientCredentialsOnlyThenIntrospectionMethodsAreTheTokenEndpointsWithoutNone() { // RFC 7662 §2.1
        Map<String, Object> metadata = TestServers.withGrants(GrantType.CLIENT_CREDENTIALS).tokenManagement().build()
                .describeServer().metadata();

        assertEquals(List.of("client_secret_basic", "client_secret_post", "private_key_jwt", "client_secret_jwt"),
                metadata.get("introspection_endpoint_auth_methods_supported"));
        assertFalse(((List<?>) metadata.get("introspection_endpoint_auth_methods_supported")).contains("none"));
    }

    @Test
    void metadataWhenNoDenyListThenNoIntrospectionOrRevocation() { // RFC 8414 §2: only what is served
        Map<String, Object> metadata = TestServers.withGrants(GrantType.CLIENT_CREDENTIALS).build()
                .describeServer().metadata();

        assertFalse(metadata.containsKey("introspection_endpoint"));
        assertFalse(metadata.containsKey("revocation_endpoint"));
        assertFalse(metadata.containsKey("introspection_signing_alg_values_supported"));
    }
}
