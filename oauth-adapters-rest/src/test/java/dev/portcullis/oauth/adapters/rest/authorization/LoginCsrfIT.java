package dev.portcullis.oauth.adapters.rest.authorization;

import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.assertPage;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.authorizeQuery;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserFlowIT.hidden;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserTestServer.PASSWORD;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserTestServer.REDIRECT_URI;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserTestServer.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login CSRF (RFC 9700 §4.4.1.8): a pending request answers only the browser that started it, known
 * by its {@code portcullis_flow} cookie. An attacker who starts a request and makes a victim's
 * browser post its id, its CSRF token and the attacker's password gets a 403, and the victim no
 * session. {@link BrowserTestServer#browser()} keeps cookies as a browser does; a
 * {@link BrowserTestServer#bareClient()} sends only the cookies a test names.
 */
class LoginCsrfIT {

    private static final String OTHER_BROWSER = "This sign-in request was started in another browser. "
            + "Go back to the application and start again.";
    private static final String PASSWORD_FIELD = "&username=" + USERNAME + "&password="
            + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);

    private static BrowserTestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = BrowserTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forgetConsents() {
        server.consents.delete(new Subject("user-1"), new ClientId("web"));
    }

    /** The path and query of the response's Location, for a client that sends cookies by hand. */
    private static String location(HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return location.getRawPath() + "?" + location.getRawQuery();
    }

    private static String loginForm(HttpResponse<String> login) {
        return "request=" + hidden(login.body(), "request") + "&csrf_token=" + hidden(login.body(), "csrf_token");
    }

    private static void assertOtherBrowser(HttpResponse<String> response) {
        assertPage(response, 403);
        assertTrue(response.body().contains(OTHER_BROWSER), response.body());
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void authorizeWhenBrowserHasNoFlowCookieThenHttpOnlyLaxCookieForTheBrowserSession() { // RFC 9700 §4.4.1.8
        HttpResponse<String> response = server.get(BrowserTestServer.browser(), authorizeQuery("web", ""));

        assertEquals(303, response.statusCode());
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertEquals(1, cookies.size(), cookies::toString);
        assertTrue(cookies.get(0).matches("portcullis_flow=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax"),
                cookies.get(0));
    }

    @Test
    void authorizeWhenBrowserHasFlowCookieThenNotSetAgainAndBothRequestsUsable() {
        HttpClient browser = BrowserTestServer.browser();
        HttpResponse<String> first = server.get(browser, authorizeQuery("web", ""));

        HttpResponse<String> second = server.get(browser, authorizeQuery("web", "&scope=read"));

        assertEquals(List.of(), second.headers().allValues("Set-Cookie"));
        assertPage(server.follow(browser, first), 200);
        assertPage(server.follow(browser, second), 200);
    }

    @Test
    void authorizeWhenRequestRefusedThenNoFlowCookie() {
        HttpResponse<String> response = server.get(BrowserTestServer.browser(), authorizeQuery("web", "&prompt=none"));

        assertTrue(response.headers().firstValue("Location").orElseThrow().startsWith(REDIRECT_URI + "?error="));
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"));
    }

    @Test
    void loginWhenRequestIdAndCsrfTokenButNoFlowCookieThen403AndNoSessionCookie() { // RFC 9700 §4.4.1.8
        HttpClient attacker = BrowserTestServer.browser();
        HttpResponse<String> attackersLogin = server.follow(attacker, server.get(attacker, authorizeQuery("web", "")));
        HttpClient victim = BrowserTestServer.browser();

        HttpResponse<String> forged = server.post(victim, "/login", loginForm(attackersLogin) + PASSWORD_FIELD);

        assertOtherBrowser(forged);
        HttpResponse<String> victimsNextRequest = server.get(victim, authorizeQuery("web", ""));
        assertTrue(victimsNextRequest.headers().firstValue("Location").orElseThrow().contains("/login?request="),
                "the victim has no session");
    }

    @Test
    void loginWhenAnotherBrowsersFlowCookieThen403AndRequestStillUsableByItsBrowser() { // RFC 9700 §4.4.1.8
        HttpClient attacker = BrowserTestServer.browser();
        HttpResponse<String> attackersLogin = server.follow(attacker, server.get(attacker, authorizeQuery("web", "")));
        HttpClient victim = BrowserTestServer.browser();
        assertPage(server.follow(victim, server.get(victim, authorizeQuery("web", ""))), 200);

        HttpResponse<String> forged = server.post(victim, "/login", loginForm(attackersLogin) + PASSWORD_FIELD);

        assertOtherBrowser(forged);
        HttpResponse<String> own = server.post(attacker, "/login", loginForm(attackersLogin) + PASSWORD_FIELD);
        assertEquals(303, own.statusCode(), own::body);
        assertTrue(BrowserTestServer.setCookie(own, "portcullis_session").isPresent());
    }

    @Test
    void loginPageWhenNoFlowCookieThen403() { // RFC 9700 §4.4.1.8
        HttpResponse<String> toLogin = server.get(BrowserTestServer.browser(), authorizeQuery("web", ""));

        HttpResponse<String> response = server.get(BrowserTestServer.bareClient(), location(toLogin), "");

        assertOtherBrowser(response);
    }

    @Test
    void loginWhenFlowCookieSentByHandThenSignedIn() {
        HttpClient client = BrowserTestServer.bareClient();
        HttpResponse<String> toLogin = server.get(client, authorizeQuery("web", ""), "");
        String flow = "portcullis_flow=" + BrowserTestServer.setCookie(toLogin, "portcullis_flow").orElseThrow();
        HttpResponse<String> login = server.get(client, location(toLogin), flow);

        HttpResponse<String> signedIn = server.post(client, "/login", loginForm(login) + PASSWORD_FIELD, flow);

        assertEquals(303, signedIn.statusCode(), signedIn::body);
        assertTrue(BrowserTestServer.setCookie(signedIn, "portcullis_session").isPresent());
    }

    /** Signs in with a bare client; returns the consent page and the Cookie header values. */
    private record SignedIn(HttpResponse<String> consent, String flow, String session) {
    }

    private static SignedIn signInByHand() {
        HttpClient client = BrowserTestServer.bareClient();
        HttpResponse<String> toLogin = server.get(client, authorizeQuery("web", "&scope=read"), "");
        String flow = "portcullis_flow=" + BrowserTestServer.setCookie(toLogin, "portcullis_flow").orElseThrow();
        HttpResponse<String> login = server.get(client, location(toLogin), flow);
        HttpResponse<String> toConsent = server.post(client, "/login", loginForm(login) + PASSWORD_FIELD, flow);
        String session = "portcullis_session="
                + BrowserTestServer.setCookie(toConsent, "portcullis_session").orElseThrow();
        HttpResponse<String> consent = server.get(client, location(toConsent), flow + "; " + session);
        assertPage(consent, 200);
        return new SignedIn(consent, flow, session);
    }

    private static String consentForm(SignedIn signedIn) {
        return "request=" + hidden(signedIn.consent().body(), "request") + "&csrf_token="
                + hidden(signedIn.consent().body(), "csrf_token") + "&decision=allow";
    }

    @Test
    void consentWhenRequestIdCsrfTokenAndSessionButNoFlowCookieThen403AndNoCode() { // RFC 9700 §4.4.1.8
        SignedIn signedIn = signInByHand();
        HttpClient client = BrowserTestServer.bareClient();

        HttpResponse<String> forged = server.post(client, "/consent", consentForm(signedIn), signedIn.session());

        assertOtherBrowser(forged);
        assertFalse(forged.headers().firstValue("Location").isPresent());
        HttpResponse<String> own = server.post(client, "/consent", consentForm(signedIn),
                signedIn.flow() + "; " + signedIn.session());
        assertTrue(own.headers().firstValue("Location").orElseThrow().startsWith(REDIRECT_URI + "?code="), own::body);
    }

    @Test
    void consentPageWhenSessionButNoFlowCookieThen403() { // RFC 9700 §4.4.1.8
        SignedIn signedIn = signInByHand();

        HttpResponse<String> response = server.get(BrowserTestServer.bareClient(),
                "/consent?request=" + hidden(signedIn.consent().body(), "request"), signedIn.session());

        assertOtherBrowser(response);
    }

    @Test
    void consentPageWhenFlowCookieButNotTheSessionThatSignedInThenRefused() {
        SignedIn signedIn = signInByHand();

        HttpResponse<String> response = server.get(BrowserTestServer.bareClient(),
                "/consent?request=" + hidden(signedIn.consent().body(), "request"), signedIn.flow());

        assertPage(response, 400);
        assertTrue(response.body().contains("The browser session does not match the sign-in request."), response.body());
    }

    @Test
    void consentWhenFlowCookieButNotTheSessionThatSignedInThenRefused() {
        SignedIn signedIn = signInByHand();

        HttpResponse<String> response = server.post(BrowserTestServer.bareClient(), "/consent", consentForm(signedIn),
                signedIn.flow());

        assertPage(response, 400);
        assertTrue(response.body().contains("The browser session does not match the sign-in request."), response.body());
        assertEquals(Optional.empty(), response.headers().firstValue("Location"));
    }
}
