package dev.portcullis.oauth.application.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescribeServerTest {

    @Test
    void metadataWhenClientCredentialsEnabledThenOnlyWhatIsServed() { // RFC 8414 §2
        TestServers fixture = TestServers.withGrants(GrantType.CLIENT_CREDENTIALS);
        fixture.scopes().save(new ScopeDefinition(new Scope("read"), "Read your data"));
        fixture.scopes().save(new ScopeDefinition(new Scope("openid"), ""));
        AuthorizationServer server = fixture.build();

        Map<String, Object> metadata = server.describeServer().metadata();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("issuer", "https://as.example.com");
        expected.put("token_endpoint", "https://as.example.com/token");
        expected.put("jwks_uri", "https://as.example.com/jwks");
        expected.put("scopes_supported", List.of("openid", "read"));
        expected.put("response_types_supported", List.of());
        expected.put("grant_types_supported", List.of("client_credentials"));
        expected.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        assertEquals(expected, metadata);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(metadata.keySet()));
    }
}
