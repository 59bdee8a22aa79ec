package dev.portcullis.oauth.adapters.rest.userinfo;

import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertError;
import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertNoStore;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserInfoEndpointIT {

    private static final String REALM = "Bearer realm=\"https://as.example.com\"";
    private static final String CLAIMS =
            "{\"sub\":\"user-1\",\"email\":\"alice@example.com\",\"email_verified\":true}";

    private UserInfoTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new UserInfoTestServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void getWhenBearerHeaderThenReleasedClaimsOnly() throws Exception { // OIDC Core §5.3.2, §5.4
        String token = server.token("user-1", "openid email");

        HttpResponse<String> response = get(token);

        assertEquals(200, response.statusCode());
        assertEquals(CLAIMS, response.body());
        assertEquals(Optional.of("application/json;charset=UTF-8"), response.headers().firstValue("Content-Type"));
        assertNoStore(response);
        assertEquals(SignedJWT.parse(token).getJWTClaimsSet().getSubject(), "user-1");
    }

    @Test
    void postWhenTokenInFormBodyThenReleasedClaims() { // RFC 6750 §2.2, OIDC Core §5.3.1
        String token = server.token("user-1", "openid email");

        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Content-Type", TestHttpServer.FORM)
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + token)).build());

        assertEquals(200, response.statusCode());
        assertEquals(CLAIMS, response.body());
        assertNoStore(response);
    }

    @Test
    void postWhenBearerHeaderAndNoBodyThenReleasedClaims() { // RFC 6750 §2.1
        String token = server.token("user-1", "openid email");

        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build());

        assertEquals(200, response.statusCode());
        assertEquals(CLAIMS, response.body());
    }

    @Test
    void getWhenSchemeIsLowerCaseThenAccepted() { // RFC 9110 §11.1: the scheme is case-insensitive
        String token = server.token("user-1", "openid");

        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Authorization", "bearer " + token).GET().build());

        assertEquals(200, response.statusCode());
        assertEquals("{\"sub\":\"user-1\"}", response.body());
    }

    @Test
    void getWhenNoTokenThen401ChallengeWithoutErrorCode() { // RFC 6750 §3.1
        HttpResponse<String> response = server.send(server.request("/userinfo").GET().build());

        assertEquals(401, response.statusCode());
        assertEquals(List.of(REALM), response.headers().allValues("WWW-Authenticate"));
        assertEquals("", response.body());
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
    }

    @Test
    void getWhenOtherAuthorizationSchemeThen401ChallengeWithoutErrorCode() { // RFC 6750 §3.1
        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Authorization", TestHttpServer.basic("rp", "rp-secret")).GET().build());

        assertEquals(401, response.statusCode());
        assertEquals(List.of(REALM), response.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void getWhenTokenIsGarbageThen401InvalidToken() { // RFC 6750 §3.1
        HttpResponse<String> response = get("not-a-jwt");

        assertInvalidToken(response, "The access token is malformed.");
    }

    @Test
    void getWhenTokenExpiredThen401InvalidToken() { // RFC 6750 §3.1, RFC 9068 §4
        String token = server.token("user-1", "openid");
        server.clock.advance(Duration.ofMinutes(5));

        HttpResponse<String> response = get(token);

        assertInvalidToken(response, "The access token has expired.");
    }

    @Test
    void getWhenTokenRevokedThen401InvalidToken() throws Exception { // RFC 6750 §3.1, RFC 7009 §2
        String token = server.token("user-1", "openid");
        server.revoked.revoke(SignedJWT.parse(token).getJWTClaimsSet().getJWTID(), server.clock.instant().plusSeconds(300));

        HttpResponse<String> response = get(token);

        assertInvalidToken(response, "The access token has been revoked.");
    }

    @Test
    void getWhenTokenSignatureTamperedThen401InvalidToken() { // RFC 6750 §3.1
        String token = server.token("user-1", "openid");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        HttpResponse<String> response = get(tampered);

        assertInvalidToken(response, "The access token is invalid.");
    }

    @Test
    void getWhenUserIsGoneThen401InvalidToken() { // RFC 6750 §3.1
        HttpResponse<String> response = get(server.token("user-gone", "openid"));

        assertInvalidToken(response, "The user of the access token no longer exists.");
    }

    @Test
    void getWhenScopeLacksOpenidThen403InsufficientScope() { // RFC 6750 §3.1, OIDC Core §5.3
        HttpResponse<String> response = get(server.token("user-1", "read email"));

        assertError(response, 403, "insufficient_scope", "The access token does not have the openid scope.");
        assertEquals(List.of("Bearer error=\"insufficient_scope\", scope=\"openid\""),
                response.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void getWhenTokenInQueryThen400InvalidRequest() { // RFC 6750 §2.3: not supported here
        String token = server.token("user-1", "openid");

        HttpResponse<String> response = server.send(server.request("/userinfo?access_token=" + token).GET().build());

        assertInvalidRequest(response, "The access token must not be sent in the query.");
    }

    @Test
    void postWhenTokenInHeaderAndBodyThen400InvalidRequest() { // RFC 6750 §2
        String token = server.token("user-1", "openid");

        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Authorization", "Bearer " + token).header("Content-Type", TestHttpServer.FORM)
                .POST(HttpRequest.BodyPublishers.ofString("access_token=" + token)).build());

        assertInvalidRequest(response, "The access token must be sent in exactly one way.");
    }

    @Test
    void getWhenTwoAuthorizationHeadersThen400InvalidRequest() { // RFC 6750 §2
        String token = server.token("user-1", "openid");

        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Authorization", "Bearer " + token).header("Authorization", "Bearer " + token).GET().build());

        assertInvalidRequest(response, "The access token must be sent in exactly one way.");
    }

    @Test
    void getWhenBearerHeaderHasNoTokenThen400InvalidRequest() { // RFC 6750 §2.1: b64token
        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Authorization", "Bearer").GET().build());

        assertInvalidRequest(response, "The Authorization header is not a valid Bearer credential.");
    }

    @Test
    void postWhenBodyIsNotAFormThen400InvalidRequest() { // RFC 6750 §2.2
        String token = server.token("user-1", "openid");

        HttpResponse<String> response = server.send(server.request("/userinfo")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"access_token\":\"" + token + "\"}")).build());

        assertInvalidRequest(response, "The request content type must be application/x-www-form-urlencoded.");
    }

    @Test
    void getWhenIdentityBackendDownThen503ServerError() { // RFC 6750 §3.1 defines no temporarily_unavailable
        String token = server.token("user-1", "openid");
        server.identityDown.set(true);

        HttpResponse<String> response = get(token);

        assertError(response, 503, "server_error", "The server is temporarily unable to handle the request.");
    }

    @Test
    void tokenWhenInvalidRequestThenNoBearerChallenge() { // RFC 6749 §5.2 unchanged at /token
        HttpResponse<String> response = server.send(server.request("/token")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertError(response, 400, "invalid_request", "The request content type must be application/x-www-form-urlencoded.");
        assertEquals(List.of(), response.headers().allValues("WWW-Authenticate"));
    }

    private HttpResponse<String> get(String token) {
        return server.send(server.request("/userinfo").header("Authorization", "Bearer " + token).GET().build());
    }

    private static void assertInvalidToken(HttpResponse<String> response, String description) {
        assertError(response, 401, "invalid_token", description);
        assertEquals(List.of(REALM + ", error=\"invalid_token\", error_description=\"" + description + "\""),
                response.headers().allValues("WWW-Authenticate"));
    }

    private static void assertInvalidRequest(HttpResponse<String> response, String description) {
        assertError(response, 400, "invalid_request", description);
        assertEquals(List.of("Bearer error=\"invalid_request\""), response.headers().allValues("WWW-Authenticate"));
    }
}
