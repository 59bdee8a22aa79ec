package dev.portcullis.oauth.adapters.rest.logout;

import static dev.portcullis.oauth.adapters.rest.logout.LogoutTestServer.AFTER_LOGOUT;
import static dev.portcullis.oauth.adapters.rest.logout.LogoutTestServer.encode;
import static dev.portcullis.oauth.adapters.rest.logout.LogoutTestServer.hidden;
import static dev.portcullis.oauth.adapters.rest.logout.LogoutTestServer.setCookie;
import static dev.portcullis.oauth.adapters.rest.logout.LogoutTestServer.setCookieHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.application.logout.EndSession;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LogoutEndpointIT {

    private static final String CLEARED_SESSION = "portcullis_session=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
            + "; Path=/; HttpOnly; SameSite=Lax";

    private static LogoutTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = new LogoutTestServer("http://127.0.0.1");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertPage(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(Optional.of("text/html;charset=UTF-8"), response.headers().firstValue("Content-Type"));
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertEquals(List.of("DENY"), response.headers().allValues("X-Frame-Options"));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals(List.of("no-referrer"), response.headers().allValues("Referrer-Policy"));
    }

    private static boolean sessionExists(String cookie) {
        return server.sessions.findByIdHash(TokenHash.of(cookie)).isPresent();
    }

    @Test
    void getWhenHintValidThenSessionEndedCookieClearedAndRedirectWithState() { // RP-Initiated Logout §2, §3
        LogoutTestServer.SignedIn signedIn = server.signIn();

        HttpResponse<String> response = server.get(LogoutTestServer.bareClient(), "/logout?id_token_hint=" + signedIn.idToken()
                + "&post_logout_redirect_uri=" + encode(AFTER_LOGOUT) + "&state=s%201%26x&ui_locales=de",
                "portcullis_session=" + signedIn.sessionCookie());

        assertEquals(303, response.statusCode(), response::body);
        assertEquals(Optional.of(AFTER_LOGOUT + "?state=s+1%26x"), response.headers().firstValue("Location"));
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertEquals(Optional.of(CLEARED_SESSION), setCookieHeader(response, "portcullis_session"));
        assertFalse(sessionExists(signedIn.sessionCookie()));
    }

    @Test
    void postWhenHintValidThenSignedOutPage() { // RP-Initiated Logout §2: POST is supported
        LogoutTestServer.SignedIn signedIn = server.signIn();

        HttpResponse<String> response = server.post(LogoutTestServer.bareClient(), "/logout",
                "id_token_hint=" + signedIn.idToken(), "portcullis_session=" + signedIn.sessionCookie());

        assertPage(response, 200);
        assertTrue(response.body().contains("You are signed out"), response.body());
        assertEquals(Optional.of(CLEARED_SESSION), setCookieHeader(response, "portcullis_session"));
        assertFalse(sessionExists(signedIn.sessionCookie()));
    }

    @Test
    void postWhenNoSessionCookieThenSeeOtherToTheSameRequestAsGet() { // RP-Initiated Logout §2; SameSite=Lax
        LogoutTestServer.SignedIn signedIn = server.signIn();

        HttpResponse<String> response = server.post(LogoutTestServer.bareClient(), "/logout",
                "id_token_hint=" + signedIn.idToken() + "&post_logout_redirect_uri=" + encode(AFTER_LOGOUT)
                        + "&state=s%201%26x", "");

        assertEquals(303, response.statusCode(), response::body);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertTrue(location.contains("/logout?"), location);
        assertEquals(Set.of("id_token_hint=" + signedIn.idToken(), "post_logout_redirect_uri=" + encode(AFTER_LOGOUT),
                "state=s+1%26x"), Set.of(location.substring(location.indexOf('?') + 1).split("&")));
        assertTrue(sessionExists(signedIn.sessionCookie()), "nothing ended before the browser comes back with its cookie");
        HttpResponse<String> followed = server.get(LogoutTestServer.bareClient(),
                location.substring(location.indexOf("/logout")), "portcullis_session=" + signedIn.sessionCookie());
        assertEquals(303, followed.statusCode(), followed::body);
        assertEquals(Optional.of(AFTER_LOGOUT + "?state=s+1%26x"), followed.headers().firstValue("Location"));
        assertFalse(sessionExists(signedIn.sessionCookie()));
    }

    @Test
    void postWhenNoSessionCookieAndBodyMalformedThenErrorPageNotRedirect() { // bad input never bounces
        HttpResponse<String> response = server.post(LogoutTestServer.bareClient(), "/logout", "state=a&state=b", "");

        assertPage(response, 400);
        assertEquals(Optional.empty(), response.headers().firstValue("Location"));
    }

    @Test
    void getWhenNoSessionThenSignedOutPageWithoutCookie() { // idempotent
        LogoutTestServer.SignedIn signedIn = server.signIn();

        HttpResponse<String> response = server.get(LogoutTestServer.bareClient(), "/logout?id_token_hint=" + signedIn.idToken(), "");

        assertPage(response, 200);
        assertEquals(Optional.empty(), setCookieHeader(response, "portcullis_session"));
    }

    @Test
    void getWhenRedirectUriNotRegisteredThenErrorPageWithoutLocation() { // RP-Initiated Logout §3
        LogoutTestServer.SignedIn signedIn = server.signIn();

        HttpResponse<String> response = server.get(LogoutTestServer.bareClient(), "/logout?id_token_hint=" + signedIn.idToken()
                + "&post_logout_redirect_uri=" + encode("https://evil.example/"), "portcullis_session=" + signedIn.sessionCookie());

        assertPage(response, 400);
        assertEquals(Optional.empty(), response.headers().firstValue("Location"));
        assertTrue(response.body().contains(EndSession.UNREGISTERED_URI), response.body());
        assertTrue(sessionExists(signedIn.sessionCookie()));
    }

    @Test
    void getWhenHintForgedThenErrorPageWithoutLocation() throws Exception { // RP-Initiated Logout §2
        LogoutTestServer.SignedIn signedIn = server.signIn();
        SignedJWT genuine = SignedJWT.parse(signedIn.idToken());
        RSAKey foreign = new RSAKeyGenerator(2048).keyID(genuine.getHeader().getKeyID()).generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
                .keyID(foreign.getKeyID()).build(), genuine.getJWTClaimsSet());
        forged.sign(new RSASSASigner(foreign));

        HttpResponse<String> response = server.get(LogoutTestServer.bareClient(), "/logout?id_token_hint=" + forged.serialize()
                + "&post_logout_redirect_uri=" + encode(AFTER_LOGOUT), "portcullis_session=" + signedIn.sessionCookie());

        assertPage(response, 400);
        assertEquals(Optional.empty(), response.headers().firstValue("Location"));
        assertTrue(response.body().contains(EndSession.INVALID_HINT), response.body());
        assertTrue(sessionExists(signedIn.sessionCookie()));
    }

    @Test
    void getWhenClientIdNotInHintAudienceThenErrorPage() { // RP-Initiated Logout §2
        LogoutTestServer.SignedIn signedIn = server.signIn();

        HttpResponse<String> response = server.get(LogoutTestServer.bareClient(), "/logout?id_token_hint=" + signedIn.idToken()
                + "&client_id=web", "portcullis_session=" + signedIn.sessionCookie());

        assertPage(response, 400);
        assertTrue(response.body().contains(EndSession.CLIENT_MISMATCH), response.body());
    }

    @Test
    void getWhenParameterRepeatedThenErrorPage() {
        HttpResponse<String> response = server.get(LogoutTestServer.bareClient(), "/logout?state=a&state=b", "");

        assertPage(response, 400);
        assertEquals(Optional.empty(), response.headers().firstValue("Location"));
    }

    @Test
    void getWhenNoHintThenConfirmationThenPostSignsOut() { // RP-Initiated Logout §2: ask the user
        LogoutTestServer.SignedIn signedIn = server.signIn();
        HttpClient client = LogoutTestServer.bareClient();
        String session = "portcullis_session=" + signedIn.sessionCookie();

        HttpResponse<String> confirm = server.get(client, "/logout?client_id=spa&post_logout_redirect_uri="
                + encode(AFTER_LOGOUT) + "&state=xyz", session);
        assertPage(confirm, 200);
        assertTrue(sessionExists(signedIn.sessionCookie()));
        String csrfCookie = setCookie(confirm, LogoutResponses.CSRF_COOKIE).orElseThrow();
        assertEquals(Optional.of(LogoutResponses.CSRF_COOKIE + "=" + csrfCookie + "; Path=/; HttpOnly; SameSite=Strict"),
                setCookieHeader(confirm, LogoutResponses.CSRF_COOKIE));
        String form = "client_id=" + hidden(confirm.body(), "client_id") + "&post_logout_redirect_uri="
                + encode(hidden(confirm.body(), "post_logout_redirect_uri")) + "&state=" + hidden(confirm.body(), "state")
                + "&csrf_token=" + hidden(confirm.body(), "csrf_token");

        HttpResponse<String> response = server.post(client, "/logout", form,
                session + "; " + LogoutResponses.CSRF_COOKIE + "=" + csrfCookie);

        assertEquals(303, response.statusCode(), response::body);
        assertEquals(Optional.of(AFTER_LOGOUT + "?state=xyz"), response.headers().firstValue("Location"));
        assertEquals(Optional.of(CLEARED_SESSION), setCookieHeader(response, "portcullis_session"));
        assertEquals(Optional.of(LogoutResponses.CSRF_COOKIE + "=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT"
                + "; Path=/; HttpOnly; SameSite=Strict"), setCookieHeader(response, LogoutResponses.CSRF_COOKIE));
        assertFalse(sessionExists(signedIn.sessionCookie()));
    }

    @Test
    void postConfirmationWhenCsrfCookieMissingThen403() {
        LogoutTestServer.SignedIn signedIn = server.signIn();
        String session = "portcullis_session=" + signedIn.sessionCookie();
        HttpResponse<String> confirm = server.post(LogoutTestServer.bareClient(), "/logout", "client_id=spa", session);
        assertPage(confirm, 200);

        HttpResponse<String> response = server.post(LogoutTestServer.bareClient(), "/logout",
                "csrf_token=" + hidden(confirm.body(), "csrf_token"), session);

        assertPage(response, 403);
        assertEquals(Optional.empty(), setCookieHeader(response, "portcullis_session"));
        assertTrue(sessionExists(signedIn.sessionCookie()));
    }

    @Test
    void postWhenNotAFormThenErrorPage() {
        HttpResponse<String> response = LogoutTestServer.send(LogoutTestServer.bareClient(), HttpRequest.newBuilder(
                server.uri("/logout")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertPage(response, 400);
    }

    @Test
    void getWhenIssuerIsHttpsThenClearedCookieIsSecure() throws Exception {
        try (LogoutTestServer secure = new LogoutTestServer("https://127.0.0.1")) {
            LogoutTestServer.SignedIn signedIn = secure.signIn();

            HttpResponse<String> response = secure.get(LogoutTestServer.bareClient(),
                    "/logout?id_token_hint=" + signedIn.idToken(), "portcullis_session=" + signedIn.sessionCookie());

            assertPage(response, 200);
            assertEquals(Optional.of(CLEARED_SESSION + "; Secure"), setCookieHeader(response, "portcullis_session"));
            assertTrue(secure.sessions.findByIdHash(TokenHash.of(signedIn.sessionCookie())).isEmpty());
        }
    }
}
