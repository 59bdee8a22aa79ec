package dev.portcullis.oauth.adapters.rest.introspection;

import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertError;
import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertNoStore;
import static dev.portcullis.oauth.adapters.rest.TestHttpServer.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /introspect} over HTTP (RFC 7662, RFC 9701). */
class IntrospectionEndpointIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = TestServers.SECRET.value();
    private static final String CHALLENGE = "Basic realm=\"oauth\", error=\"invalid_client\"";

    private static TokenManagementFixture fixture;
    private static TestHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        fixture = new TokenManagementFixture();
        server = TestHttpServer.start(fixture.server);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Map<String, Object> json(String body) throws Exception {
        return JSON.readValue(body, new TypeReference<Map<String, Object>>() { });
    }

    private static String form(String token) {
        return "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Test
    void introspectWhenOwnTokenThenActiveJsonNotCached() throws Exception { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");

        HttpResponse<String> response = server.postForm("/introspect", form(token.accessToken().value()),
                "Authorization", basic("billing", SECRET));

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/json;charset=UTF-8"), response.headers().firstValue("Content-Type"));
        assertNoStore(response);
        Map<String, Object> body = json(response.body());
        assertEquals(true, body.get("active"));
        assertEquals("orders:read", body.get("scope"));
        assertEquals("billing", body.get("client_id"));
        assertEquals("https://api.example.com/orders", body.get("aud"));
        assertEquals("Bearer", body.get("token_type"));
    }

    @Test
    void introspectWhenSameTokenRepeatedThenActiveUntilRevoked() throws Exception { // RFC 7662 §2.2, RFC 7009 §2
        TokenResponse token = fixture.clientToken("billing", "scope", "orders:read");
        String form = form(token.accessToken().value());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> repeated = server.postForm("/introspect", form, "Authorization", basic("billing", SECRET));
            assertEquals(true, json(repeated.body()).get("active"));
        }
        assertEquals(200, server.postForm("/revoke", form, "Authorization", basic("billing", SECRET)).statusCode());

        HttpResponse<String> response = server.postForm("/introspect", form, "Authorization", basic("billing", SECRET));

        assertEquals(200, response.statusCode());
        assertEquals(Map.of("active", false), json(response.body()));
    }

    @Test
    void introspectWhenMethodOtherThanRegisteredThenInvalidClient() { // OAuth 2.1 §2.4: the registered method only
        TokenResponse token = fixture.clientToken("billing");

        HttpResponse<String> response = server.postForm("/introspect", form(token.accessToken().value())
                + "&client_id=billing&client_secret=" + SECRET);

        assertError(response, 400, "invalid_client", "Client authentication failed.");
    }

    @Test
    void introspectWhenUnknownTokenThenActiveFalseOnly() { // RFC 7662 §2.2
        HttpResponse<String> response = server.postForm("/introspect", "token=unknown&token_type_hint=refresh_token",
                "Authorization", basic("billing", SECRET));

        assertEquals(200, response.statusCode());
        assertEquals("{\"active\":false}", response.body());
    }

    @Test
    void introspectWhenOtherClientsTokenThenActiveFalse() { // RFC 7662 §2.2
        TokenResponse token = fixture.clientToken("billing");

        HttpResponse<String> response = server.postForm("/introspect", form(token.accessToken().value()),
                "Authorization", basic("stranger", SECRET));

        assertEquals("{\"active\":false}", response.body());
    }

    @Test
    void introspectWhenJwtAcceptedThenSignedIntrospectionJwt() throws Exception { // RFC 9701 §4, §5
        TokenResponse token = fixture.clientToken("billing-opaque", "scope", "orders:read");

        HttpResponse<String> response = server.postForm("/introspect", form(token.accessToken().value()),
                "Authorization", basic("orders-api", SECRET), "Accept", "application/token-introspection+jwt");

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("application/token-introspection+jwt"), response.headers().firstValue("Content-Type"));
        assertNoStore(response);
        SignedJWT jwt = SignedJWT.parse(response.body());
        assertEquals(new JOSEObjectType("token-introspection+jwt"), jwt.getHeader().getType());
        JWK key = JWKSet.parse(server.get("/jwks").body()).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key.toRSAKey())));
        assertEquals(List.of("orders-api"), jwt.getJWTClaimsSet().getAudience());
        assertEquals("https://as.example.com", jwt.getJWTClaimsSet().getIssuer());
        Map<String, Object> inside = jwt.getJWTClaimsSet().getJSONObjectClaim("token_introspection");
        assertEquals(true, inside.get("active"));
        assertEquals("billing-opaque", inside.get("client_id"));
    }

    @Test
    void introspectWhenJsonAcceptedThenJson() {
        HttpResponse<String> response = server.postForm("/introspect", "token=x",
                "Authorization", basic("billing", SECRET), "Accept", "application/json");

        assertEquals(Optional.of("application/json;charset=UTF-8"), response.headers().firstValue("Content-Type"));
    }

    @Test
    void introspectWhenNoTokenThenInvalidRequest() { // RFC 7662 §2.1
        HttpResponse<String> response = server.postForm("/introspect", "token_type_hint=access_token",
                "Authorization", basic("billing", SECRET));

        assertError(response, 400, "invalid_request", "The token parameter is missing.");
    }

    @Test
    void introspectWhenNoClientAuthenticationThenInvalidClient() { // RFC 7662 §2.1
        HttpResponse<String> response = server.postForm("/introspect", "token=x");

        assertError(response, 400, "invalid_client", "Client authentication failed.");
    }

    @Test
    void introspectWhenWrongSecretInBasicThenUnauthorizedWithChallenge() { // RFC 6749 §5.2
        HttpResponse<String> response = server.postForm("/introspect", "token=x",
                "Authorization", basic("billing", "wrong-secret-value"));

        assertError(response, 401, "invalid_client", "Client authentication failed.");
        assertEquals(List.of(CHALLENGE), response.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void introspectWhenPublicClientThenInvalidClient() { // RFC 7662 §2.1
        HttpResponse<String> response = server.postForm("/introspect", "token=x&client_id=cli");

        assertError(response, 400, "invalid_client", "Client authentication failed.");
    }

    @Test
    void introspectWhenTokenRepeatedThenInvalidRequest() {
        HttpResponse<String> response = server.postForm("/introspect", "token=a&token=b",
                "Authorization", basic("billing", SECRET));

        assertError(response, 400, "invalid_request", "The token parameter is repeated.");
    }

    @Test
    void introspectWhenJsonBodyThenInvalidRequest() {
        HttpResponse<String> response = server.send(server.request("/introspect")
                .header("Content-Type", "application/json").header("Authorization", basic("billing", SECRET))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}")).build());

        assertError(response, 400, "invalid_request", "The request content type must be application/x-www-form-urlencoded.");
    }

    @Test
    void introspectWhenGetThenMethodNotAllowed() {
        HttpResponse<String> response = server.get("/introspect?token=x", "Authorization", basic("billing", SECRET));

        assertEquals(405, response.statusCode());
    }

    @Test
    void introspectWhenBodyLargerThan64KiBThen413() {
        HttpResponse<String> response = server.postForm("/introspect", "token=x&pad=" + "x".repeat(64 * 1024),
                "Authorization", basic("billing", SECRET));

        assertError(response, 413, "invalid_request", "The request body is too large.");
    }

    @Test
    void introspectWhenBodyMalformedThenInvalidRequest() {
        HttpResponse<String> response = server.send(server.request("/introspect")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic("billing", SECRET))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=%ZZ"))
                .build());

        assertError(response, 400, "invalid_request", "The request body is not valid application/x-www-form-urlencoded.");
    }

    @Test
    void introspectWhenAcceptMalformedThenInvalidRequestNeverServerError() {
        HttpResponse<String> response = server.postForm("/introspect", "token=x",
                "Authorization", basic("billing", SECRET), "Accept", "application/;;q=x, /");

        assertError(response, 400, "invalid_request", "The request is not valid.");
    }

    @Test
    void introspectWhenJwtTypeWithZeroWeightThenJson() { // RFC 9110 §12.4.2: q=0 means not acceptable
        HttpResponse<String> response = server.postForm("/introspect", "token=x",
                "Authorization", basic("billing", SECRET), "Accept", "application/token-introspection+jwt;q=0");

        assertEquals("{\"active\":false}", response.body());
    }
}
