package dev.portcullis.oauth.application.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientAuthenticationMethod;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.HashedSecret;
import dev.portcullis.oauth.domain.client.TokenLifetimes;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.key.SigningAlgorithm;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 7591 §2 client metadata to and from a registration. */
class ClientMetadataTest {

    private static final ClientId ID = new ClientId("web");

    private static Map<String, Object> web() {
        Map<String, Object> json = new HashMap<>();
        json.put("client_name", "Web");
        json.put("grant_types", List.of("authorization_code", "refresh_token"));
        json.put("redirect_uris", List.of("https://web.example.com/cb"));
        json.put("post_logout_redirect_uris", List.of("https://web.example.com/bye"));
        json.put("scope", "openid profile");
        json.put("id_token_signed_response_alg", "ES256");
        json.put("access_token_lifetime", 120);
        json.put("refresh_token_lifetime", 86_400);
        json.put("first_party", true);
        return json;
    }

    private static OAuthException refusal(Map<String, Object> json) {
        return assertThrows(OAuthException.class, () -> ClientMetadata.parse(ID, json, TokenLifetimes.DEFAULTS));
    }

    @Test
    void parseWhenEveryFieldThenRegistrationHoldsThem() { // RFC 7591 §2
        ClientMetadata.Parsed parsed = ClientMetadata.parse(ID, web(), TokenLifetimes.DEFAULTS);
        Client client = ClientMetadata.build(parsed.builder().secret(new HashedSecret("$hash$")));

        assertEquals("Web", client.name());
        assertEquals(ClientAuthenticationMethod.CLIENT_SECRET_BASIC, parsed.method());
        assertEquals(Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN), client.grantTypes());
        assertEquals(List.of(URI.create("https://web.example.com/cb")), client.redirectUris());
        assertEquals(ScopeSet.of("openid", "profile"), client.scopes());
        assertEquals(Optional.of(SigningAlgorithm.ES256), client.idTokenSigningAlgorithm());
        assertEquals(Duration.ofSeconds(120), client.lifetimes().accessToken());
        assertEquals(Duration.ofDays(1), client.lifetimes().refreshToken());
        assertEquals(Duration.ofDays(1), client.lifetimes().refreshTokenIdle(), "idle defaults to the absolute lifetime");
        assertTrue(client.firstParty());
        assertEquals(Optional.empty(), parsed.secret());
    }

    @Test
    void toJsonThenParseThenSameRegistration() { // what GET returns, PUT accepts
        Client client = ClientMetadata.build(ClientMetadata.parse(ID, web(), TokenLifetimes.DEFAULTS).builder()
                .secret(new HashedSecret("$hash$")));

        Map<String, Object> json = ClientMetadata.toJson(client);
        Client again = ClientMetadata.build(ClientMetadata.parse(ID, json, TokenLifetimes.DEFAULTS).builder()
                .secret(new HashedSecret("$hash$")));

        assertEquals(client, again);
        assertTrue(!json.containsKey("client_secret") && !json.toString().contains("$hash$"), "never the secret or its hash");
    }

    @Test
    void parseWhenUnknownFieldThenInvalidClientMetadataNamingIt() { // a typo never drops a setting silently
        Map<String, Object> json = web();
        json.put("redirect_uri", "https://web.example.com/cb");

        OAuthException thrown = refusal(json);

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, thrown.error().code());
        assertTrue(thrown.error().description().contains("redirect_uri"), thrown.error().description());
    }

    @Test
    void parseWhenRedirectUriRelativeThenInvalidRedirectUri() { // RFC 7591 §3.2.2
        Map<String, Object> json = web();
        json.put("redirect_uris", List.of("/cb"));

        assertEquals(StandardErrorCode.INVALID_REDIRECT_URI, refusal(json).error().code());
    }

    @Test
    void parseWhenWrongTypesThenInvalidClientMetadata() {
        for (Map.Entry<String, Object> wrong : List.of(Map.entry("client_name", (Object) 5),
                Map.entry("grant_types", (Object) "authorization_code"), Map.entry("first_party", (Object) "yes"),
                Map.entry("access_token_lifetime", (Object) 0), Map.entry("access_token_lifetime", (Object) 1.5),
                Map.entry("token_endpoint_auth_method", (Object) "magic"),
                Map.entry("id_token_signed_response_alg", (Object) "none"),
                Map.entry("grant_types", (Object) List.of("password reset")),
                Map.entry("jwks", (Object) Map.of("kty", "RSA")), Map.entry("scope", (Object) "a  b"))) {
            Map<String, Object> json = web();
            json.put(wrong.getKey(), wrong.getValue());

            assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(json).error().code(), wrong.toString());
        }
    }

    @Test
    void parseWhenClientIdDiffersFromThePathThenInvalidClientMetadata() {
        Map<String, Object> json = web();
        json.put("client_id", "other");

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(json).error().code());
    }

    @Test
    void parseWhenSecretShortOrWithPublicClientThenInvalidClientMetadata() {
        Map<String, Object> shortSecret = web();
        shortSecret.put("client_secret", "short");
        Map<String, Object> publicWithSecret = web();
        publicWithSecret.put("token_endpoint_auth_method", "none");
        publicWithSecret.put("client_secret", "a-long-enough-secret-0123");

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(shortSecret).error().code());
        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(publicWithSecret).error().code());
    }

    @Test
    void parseWhenIdleLifetimeExceedsAbsoluteThenInvalidClientMetadata() {
        Map<String, Object> json = web();
        json.put("refresh_token_idle_lifetime", 90_000);

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(json).error().code());
    }

    @Test
    void buildWhenRulesBrokenThenInvalidClientMetadata() { // e.g. authorization_code without redirect_uris
        Map<String, Object> json = web();
        json.remove("redirect_uris");
        ClientMetadata.Parsed parsed = ClientMetadata.parse(ID, json, TokenLifetimes.DEFAULTS);

        OAuthException thrown = assertThrows(OAuthException.class,
                () -> ClientMetadata.build(parsed.builder().secret(new HashedSecret("$hash$"))));

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, thrown.error().code());
    }

    @Test
    void buildWhenRuleMessageHasNonAsciiThenDescriptionIsValidErrorText() { // RFC 6749 A.8
        Map<String, Object> json = web();
        json.put("jwks_uri", "https://web.example.com/jwks");
        json.put("jwks", Map.of("keys", List.of()));
        ClientMetadata.Parsed parsed = ClientMetadata.parse(ID, json, TokenLifetimes.DEFAULTS);

        OAuthException thrown = assertThrows(OAuthException.class,
                () -> ClientMetadata.build(parsed.builder().secret(new HashedSecret("$hash$"))));

        assertTrue(thrown.error().description().contains("RFC 7591 section 2"), thrown.error().description());
    }

    @Test
    void parseWhenKeyAuthenticationMetadataThenKeptAndReturned() { // RFC 7591 §2, RFC 7523
        Map<String, Object> json = web();
        json.put("token_endpoint_auth_method", "private_key_jwt");
        json.put("jwks_uri", "https://web.example.com/jwks");
        json.put("token_endpoint_auth_signing_alg", "ES256");

        Client client = ClientMetadata.build(ClientMetadata.parse(ID, json, TokenLifetimes.DEFAULTS).builder());

        assertEquals("ES256", ClientMetadata.toJson(client).get("token_endpoint_auth_signing_alg"));
        assertEquals("https://web.example.com/jwks", ClientMetadata.toJson(client).get("jwks_uri"));
    }

    @Test
    void parseWhenJwksUriPlainHttpOnAPublicHostThenInvalidClientMetadata() { // RFC 7591 §2
        Map<String, Object> json = web();
        json.put("jwks_uri", "http://keys.example.com/jwks");

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(json).error().code());
    }

    @Test
    void parseWhenJwksHoldsAPrivateKeyThenInvalidClientMetadata() throws Exception {
        Map<String, Object> json = web();
        json.put("jwks", Map.of("keys", List.of(new OctetSequenceKeyGenerator(256)
                .generate().toJSONObject())));

        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(json).error().code());
    }

    @Test
    void parseWhenAccessTokenFormatOpaqueThenKeptAndUnknownRefused() {
        Map<String, Object> json = web();
        json.put("access_token_format", "opaque");
        Client client = ClientMetadata.build(ClientMetadata.parse(ID, json, TokenLifetimes.DEFAULTS).builder()
                .secret(new HashedSecret("$hash$")));
        Map<String, Object> bad = web();
        bad.put("access_token_format", "paseto");

        assertEquals("opaque", ClientMetadata.toJson(client).get("access_token_format"));
        assertEquals(StandardErrorCode.INVALID_CLIENT_METADATA, refusal(bad).error().code());
    }
}
