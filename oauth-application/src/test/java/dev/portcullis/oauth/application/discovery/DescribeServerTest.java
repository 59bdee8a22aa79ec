package dev.portcullis.oauth.application.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.SubjectType;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.portcullis.oauth.application.grant.GrantHandlerRegistry;
import dev.portcullis.oauth.application.grant.builtin.AuthorizationCodeGrantHandler;
import dev.portcullis.oauth.application.memory.InMemoryAuthorizationCodeRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryRevokedAccessTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.server.MutableClock;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
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
        expected.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post",
                "private_key_jwt", "client_secret_jwt"));
        // RFC 8414 §2: the algorithms of private_key_jwt and client_secret_jwt; "none" is never listed.
        expected.put("token_endpoint_auth_signing_alg_values_supported", List.of("HS256", "HS384", "HS512",
                "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"));
        assertEquals(expected, metadata);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(metadata.keySet()));
    }

    @Test
    void metadataWhenAuthorizationCodeEnabledThenParsesAsOpenIdProviderMetadata() throws Exception { // OIDC Discovery §3
        DescribeServer describe = new DescribeServer(ServerSettings.of(TestServers.ISSUER),
                new GrantHandlerRegistry(List.of(codeHandler())), new InMemoryScopeRepository());

        OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(JSONObjectUtils.toJSONString(describe.metadata()));

        assertEquals(new Issuer("https://as.example.com"), parsed.getIssuer());
        assertEquals(List.of(SubjectType.PUBLIC), parsed.getSubjectTypes());
        assertEquals(List.of(JWSAlgorithm.RS256), parsed.getIDTokenJWSAlgs());
        assertEquals(URI.create("https://as.example.com/jwks"), parsed.getJWKSetURI());
        assertNull(parsed.getUserInfoEndpointURI());
        assertNull(parsed.getEndSessionEndpointURI());
        assertFalse(parsed.supportsClaimsParam());
        assertFalse(parsed.supportsRequestParam());
        assertFalse(parsed.supportsRequestURIParam());
    }

    @Test
    void metadataWhenCodeFlowWithoutUserinfoThenOnlyIdTokenClaimsAndNoOidcEndpoints() { // OIDC Discovery §3
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        scopes.save(new ScopeDefinition(new Scope("profile"), "Your profile"));
        DescribeServer describe = new DescribeServer(ServerSettings.of(TestServers.ISSUER),
                new GrantHandlerRegistry(List.of(codeHandler())), scopes);

        Map<String, Object> metadata = describe.metadata();

        assertEquals(List.of("public"), metadata.get("subject_types_supported"));
        assertEquals(List.of("RS256"), metadata.get("id_token_signing_alg_values_supported"));
        assertEquals(ID_TOKEN_CLAIMS, metadata.get("claims_supported"));
        assertEquals(false, metadata.get("claims_parameter_supported")); // OIDC Core §5.5: no claims to read
        assertEquals(false, metadata.get("request_parameter_supported"));
        assertEquals(false, metadata.get("request_uri_parameter_supported"));
        assertFalse(metadata.containsKey("userinfo_endpoint"));
        assertFalse(metadata.containsKey("end_session_endpoint"));
    }

    @Test
    void metadataWhenUserinfoAndLogoutServedThenEndpointsAndClaimsOfDefinedScopes() throws Exception { // OIDC Core §5.4
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        scopes.save(new ScopeDefinition(new Scope("openid"), ""));
        scopes.save(new ScopeDefinition(new Scope("email"), "Your email address"));
        ServerSettings settings = new ServerSettings(TestServers.ISSUER, "https://as.example.com", SigningAlgorithm.RS256,
                EnumSet.of(SigningAlgorithm.ES256, SigningAlgorithm.RS256));
        DescribeServer describe = new DescribeServer(settings, new GrantHandlerRegistry(List.of(codeHandler())), scopes,
                true, true);

        Map<String, Object> metadata = describe.metadata();

        List<String> claims = new ArrayList<>(ID_TOKEN_CLAIMS);
        claims.addAll(List.of("email", "email_verified"));
        assertEquals(claims, metadata.get("claims_supported"));
        assertEquals(List.of("RS256", "ES256"), metadata.get("id_token_signing_alg_values_supported"));
        OIDCProviderMetadata parsed = OIDCProviderMetadata.parse(JSONObjectUtils.toJSONString(metadata));
        assertEquals(URI.create("https://as.example.com/userinfo"), parsed.getUserInfoEndpointURI());
        assertEquals(URI.create("https://as.example.com/logout"), parsed.getEndSessionEndpointURI());
        assertTrue(parsed.supportsClaimsParam()); // OIDC Core §5.5
    }

    @Test
    void metadataWhenGivenAClockThenScopeChangesAdvertisedAfterTheCacheTtl() {
        InMemoryScopeRepository scopes = new InMemoryScopeRepository();
        scopes.save(new ScopeDefinition(new Scope("orders:read"), "Read your orders"));
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        DescribeServer describe = new DescribeServer(ServerSettings.of(TestServers.ISSUER),
                new GrantHandlerRegistry(List.of(codeHandler())), scopes, false, false, false, clock);
        assertEquals(List.of("orders:read"), describe.metadata().get("scopes_supported"));
        scopes.save(new ScopeDefinition(new Scope("orders:write"), "Change your orders"));

        clock.advance(DescribeServer.CACHE_TTL.minusMillis(1));
        assertEquals(List.of("orders:read"), describe.metadata().get("scopes_supported"));
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("orders:read", "orders:write"), describe.metadata().get("scopes_supported"));
    }

    private static final List<String> ID_TOKEN_CLAIMS =
            List.of("sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "amr", "at_hash", "sid");

    private static AuthorizationCodeGrantHandler codeHandler() {
        return new AuthorizationCodeGrantHandler(new InMemoryAuthorizationCodeRepository(),
                new InMemoryRefreshTokenRepository(), new InMemoryRevokedAccessTokenRepository(), TestServers.CLOCK);
    }
}
