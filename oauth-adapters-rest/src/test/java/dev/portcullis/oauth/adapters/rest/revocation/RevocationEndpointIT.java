package dev.portcullis.oauth.adapters.rest.revocation;

import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertError;
import static dev.portcullis.oauth.adapters.rest.TestHttpServer.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /revoke} over HTTP (RFC 7009). */
class RevocationEndpointIT {

    private static final String SECRET = TestServers.SECRET.value();
    private static final String INACTIVE = "{\"active\":false}";

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

    private static String form(String token) {
        return "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String introspect(String client, String token) {
        return server.postForm("/introspect", form(token), "Authorization", basic(client, SECRET)).body();
    }

    @Test
    void revokeWhenOwnAccessTokenThen200EmptyAndInactive() { // RFC 7009 §2.2
        TokenResponse token = fixture.clientToken("billing");

        HttpResponse<String> response = server.postForm("/revoke", form(token.accessToken().value())
                + "&token_type_hint=access_token", "Authorization", basic("billing", SECRET));

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertEquals(INACTIVE, introspect("billing", token.accessToken().value()));
    }

    @Test
    void revokeWhenRefreshTokenThenFamilyAndAccessTokensInactive() { // RFC 7009 §2.1
        TokenResponse tokens = fixture.userTokens("billing-opaque");

        HttpResponse<String> response = server.postForm("/revoke",
                form(tokens.refreshToken().orElseThrow().value()) + "&token_type_hint=refresh_token",
                "Authorization", basic("billing-opaque", SECRET));

        assertEquals(200, response.statusCode());
        assertEquals(INACTIVE, introspect("billing-opaque", tokens.refreshToken().orElseThrow().value()));
        assertEquals(INACTIVE, introspect("billing-opaque", tokens.accessToken().value()));
    }

    @Test
    void revokeWhenUnknownTokenThen200() { // RFC 7009 §2.2
        HttpResponse<String> response = server.postForm("/revoke", "token=never-issued",
                "Authorization", basic("billing", SECRET));

        assertEquals(200, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void revokeWhenUnknownHintThen200() { // RFC 7009 §2.1: the server MAY ignore the hint
        HttpResponse<String> response = server.postForm("/revoke", "token=x&token_type_hint=something_else",
                "Authorization", basic("billing", SECRET));

        assertEquals(200, response.statusCode());
    }

    @Test
    void revokeWhenAnotherClientsTokenThen200AndStillActive() { // RFC 7009 §2.1
        TokenResponse token = fixture.clientToken("billing");

        HttpResponse<String> response = server.postForm("/revoke", form(token.accessToken().value()),
                "Authorization", basic("stranger", SECRET));

        assertEquals(200, response.statusCode());
        assertEquals(true, introspect("billing", token.accessToken().value()).startsWith("{\"active\":true"));
    }

    @Test
    void revokeWhenPublicClientThen200() { // RFC 7009 §5: public clients may revoke their tokens
        HttpResponse<String> response = server.postForm("/revoke", "token=x&client_id=cli");

        assertEquals(200, response.statusCode());
    }

    @Test
    void revokeWhenNoTokenThenInvalidRequest() { // RFC 7009 §2.1
        HttpResponse<String> response = server.postForm("/revoke", "", "Authorization", basic("billing", SECRET));

        assertError(response, 400, "invalid_request", "The token parameter is missing.");
    }

    @Test
    void revokeWhenNoClientAuthenticationThenInvalidClient() { // RFC 7009 §2.1
        HttpResponse<String> response = server.postForm("/revoke", "token=x");

        assertError(response, 400, "invalid_client", "Client authentication failed.");
    }

    @Test
    void revokeWhenWrongSecretThen401() { // RFC 7009 §2.2.1, RFC 6749 §5.2
        HttpResponse<String> response = server.postForm("/revoke", "token=x",
                "Authorization", basic("billing", "wrong-secret-value"));

        assertError(response, 401, "invalid_client", "Client authentication failed.");
    }

    @Test
    void revokeWhenUnknownClientThen401() {
        HttpResponse<String> response = server.postForm("/revoke", "token=x",
                "Authorization", basic("nobody", SECRET));

        assertError(response, 401, "invalid_client", "Client authentication failed.");
    }

    @Test
    void revokeWhenTokenRepeatedThenInvalidRequest() {
        HttpResponse<String> response = server.postForm("/revoke", "token=a&token=b",
                "Authorization", basic("billing", SECRET));

        assertError(response, 400, "invalid_request", "The token parameter is repeated.");
    }

    @Test
    void revokeWhenWrongContentTypeThenInvalidRequest() {
        HttpResponse<String> response = server.send(server.request("/revoke")
                .header("Content-Type", "text/plain").header("Authorization", basic("billing", SECRET))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=x")).build());

        assertError(response, 400, "invalid_request", "The request content type must be application/x-www-form-urlencoded.");
    }

    @Test
    void revokeWhenBodyLargerThan64KiBThen413() {
        HttpResponse<String> response = server.postForm("/revoke", "token=x&pad=" + "x".repeat(64 * 1024),
                "Authorization", basic("billing", SECRET));

        assertError(response, 413, "invalid_request", "The request body is too large.");
    }

    @Test
    void revokeWhenBodyMalformedThenInvalidRequest() {
        HttpResponse<String> response = server.send(server.request("/revoke")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", basic("billing", SECRET))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=%ZZ"))
                .build());

        assertError(response, 400, "invalid_request", "The request body is not valid application/x-www-form-urlencoded.");
    }
}
