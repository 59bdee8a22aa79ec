package dev.portcullis.oauth.adapters.rest.discovery;

import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyType;
import dev.portcullis.oauth.adapters.rest.TestAuthorizationServers;
import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DiscoveryIT {

    private static final String METADATA = "{\"issuer\":\"https://as.example.com\","
            + "\"token_endpoint\":\"https://as.example.com/token\","
            + "\"jwks_uri\":\"https://as.example.com/jwks\","
            + "\"scopes_supported\":[\"openid\",\"read\",\"write\"],"
            + "\"response_types_supported\":[],"
            + "\"grant_types_supported\":[\"client_credentials\",\"urn:example:grant:test\"],"
            + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\","
            + "\"private_key_jwt\",\"client_secret_jwt\"],"
            + "\"token_endpoint_auth_signing_alg_values_supported\":[\"HS256\",\"HS384\",\"HS512\",\"RS256\",\"RS384\",\"RS512\",\"PS256\",\"PS384\",\"PS512\",\"ES256\",\"ES384\",\"ES512\",\"EdDSA\"]}";

    private static TestHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestHttpServer.start(TestAuthorizationServers.create());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void metadataWhenOAuthWellKnownThenDocumentOfWhatIsEnabled() { // RFC 8414 §3
        HttpResponse<String> response = server.get("/.well-known/oauth-authorization-server");

        assertEquals(200, response.statusCode());
        assertEquals(METADATA, response.body());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals(List.of("public, max-age=60"), response.headers().allValues("Cache-Control"));
    }

    @Test
    void metadataWhenOpenIdWellKnownThenSameDocument() { // OIDC Discovery 1.0 §4
        HttpResponse<String> response = server.get("/.well-known/openid-configuration");

        assertEquals(200, response.statusCode());
        assertEquals(METADATA, response.body());
        assertEquals(List.of("public, max-age=60"), response.headers().allValues("Cache-Control"));
    }

    @Test
    void jwksWhenGetThenPublicKeysWithCacheHeader() throws Exception { // RFC 7517 §5
        HttpResponse<String> response = server.get("/jwks");

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/json"), response.headers().firstValue("Content-Type"));
        assertEquals(List.of("public, max-age=300"), response.headers().allValues("Cache-Control"));
        List<JWK> keys = JWKSet.parse(response.body()).getKeys();
        assertFalse(keys.isEmpty());
        for (JWK key : keys) {
            assertEquals(KeyType.RSA, key.getKeyType());
            assertNotNull(key.getKeyID());
            assertFalse(key.isPrivate(), "no private key material is published");
        }
    }

    @Test
    void jwksWhenPostThen405WithJsonBody() {
        HttpResponse<String> response = server.send(server.request("/jwks")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertError(response, 405, "invalid_request", "The HTTP method is not allowed at this endpoint.");
    }
}
