package dev.portcullis.oauth.adapters.rest.authorization;

import static dev.portcullis.oauth.adapters.rest.authorization.BrowserTestServer.CHALLENGE;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserTestServer.PASSWORD;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserTestServer.REDIRECT_URI;
import static dev.portcullis.oauth.adapters.rest.authorization.BrowserTestServer.USERNAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BrowserFlowIT {

    /** The assertion algorithms every client-authenticating endpoint accepts (RFC 7523, RFC 8414 §2). */
    private static final String ASSERTION_ALGS = "[\"HS256\",\"HS384\",\"HS512\",\"RS256\",\"RS384\",\"RS512\","
            + "\"PS256\",\"PS384\",\"PS512\",\"ES256\",\"ES384\",\"ES512\",\"EdDSA\"]";

    private static final String ENCODED_REDIRECT = URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8);
    private static final String ISS = "iss=http%3A%2F%2F127.0.0.1";

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
        for (String client : List.of("web", "spa", "first", "evil")) {
            server.consents.delete(new Subject("user-1"), new ClientId(client));
        }
    }

    static String authorizeQuery(String clientId, String extra) {
        return "/authorize?response_type=code&client_id=" + clientId + "&redirect_uri=" + ENCODED_REDIRECT
                + "&state=s%201&code_challenge=" + CHALLENGE + "&code_challenge_method=S256" + extra;
    }

    static String hidden(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(html);
        assertTrue(matcher.find(), () -> "no field " + name + " in " + html);
        return matcher.group(1);
    }

    static void assertPage(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response::body);
        assertEquals(Optional.of("text/html;charset=UTF-8"), response.headers().firstValue("Content-Type"));
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
        assertEquals(List.of("DENY"), response.headers().allValues("X-Frame-Options"));
        assertTrue(response.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals(List.of("no-referrer"), response.headers().allValues("Referrer-Policy"));
    }

    static void assertRedirectTo(HttpResponse<String> response, String expectedLocation) {
        assertEquals(303, response.statusCode(), response::body);
        assertEquals(Optional.of(expectedLocation), response.headers().firstValue("Location"));
        assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"));
    }

    /** Signs in from a fresh authorization request; returns the response to the login POST. */
    private static HttpResponse<String> signIn(HttpClient browser, String clientId, String extra) {
        HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery(clientId, extra)));
        assertPage(login, 200);
        return server.post(browser, "/login", "request=" + hidden(login.body(), "request") + "&csrf_token="
                + hidden(login.body(), "csrf_token") + "&username=" + USERNAME + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> decide(HttpClient browser, HttpResponse<String> toConsent, String decision) {
        HttpResponse<String> consent = server.follow(browser, toConsent);
        assertPage(consent, 200);
        return server.post(browser, "/consent", "request=" + hidden(consent.body(), "request") + "&csrf_token="
                + hidden(consent.body(), "csrf_token") + "&decision=" + decision);
    }

    private static String codeFrom(HttpResponse<String> response) {
        assertEquals(303, response.statusCode(), response::body);
        String location = response.headers().firstValue("Location").orElseThrow();
        Matcher matcher = Pattern.compile("^" + Pattern.quote(REDIRECT_URI) + "\\?code=([A-Za-z0-9_-]{43})&state=s\\+1&"
                + Pattern.quote(ISS) + "$").matcher(location);
        assertTrue(matcher.matches(), location);
        return matcher.group(1);
    }

    @Test
    void authorizeWhenClientUnknownThenErrorPageAndNoRedirect() { // RFC 6749 §4.1.2.1
        HttpResponse<String> response = server.get(BrowserTestServer.browser(), authorizeQuery("nobody", ""));

        assertPage(response, 400);
        assertFalse(response.headers().firstValue("Location").isPresent());
        assertTrue(response.body().contains("The client is not known."), response.body());
    }

    @Test
    void authorizeWhenRedirectUriMismatchedThenErrorPageAndNoRedirect() { // RFC 9700 §4.1.3
        HttpResponse<String> response = server.get(BrowserTestServer.browser(),
                "/authorize?response_type=code&client_id=web&redirect_uri=https%3A%2F%2Fattacker.example%2Fcb&state=x");

        assertPage(response, 400);
        assertFalse(response.headers().firstValue("Location").isPresent());
        assertTrue(response.body().contains("The redirect_uri does not match a URI registered for the client."));
    }

    @Test
    void authorizeWhenRedirectUriMissingThenErrorPage() { // OAuth 2.1 §4.1.1
        HttpResponse<String> response = server.get(BrowserTestServer.browser(),
                "/authorize?response_type=code&client_id=web&state=x");

        assertPage(response, 400);
        assertTrue(response.body().contains("The redirect_uri parameter is missing."));
    }

    @Test
    void authorizeWhenResponseTypeTokenThenQueryRedirectWithStateAndIss() { // RFC 6749 §4.1.2.1, RFC 9207 §2
        HttpResponse<String> response = server.get(BrowserTestServer.browser(),
                "/authorize?response_type=token&client_id=web&redirect_uri=" + ENCODED_REDIRECT + "&state=s%201");

        assertRedirectTo(response, REDIRECT_URI + "?error=unsupported_response_type"
                + "&error_description=The+response_type+must+be+code.&state=s+1&" + ISS);
    }

    @Test
    void authorizeWhenFragmentModeAndPublicClientWithoutPkceThenFragmentError() { // RFC 9700 §2.1.1
        HttpResponse<String> response = server.get(BrowserTestServer.browser(),
                "/authorize?response_type=code&client_id=spa&redirect_uri=" + ENCODED_REDIRECT
                        + "&state=s%201&response_mode=fragment");

        assertRedirectTo(response, REDIRECT_URI + "#error=invalid_request"
                + "&error_description=The+code_challenge+parameter+is+required+for+public+clients.&state=s+1&" + ISS);
    }

    @Test
    void authorizeWhenFormPostModeAndPlainPkceThenAutoSubmittingForm() { // OAuth 2.0 Form Post Response Mode §2
        HttpResponse<String> response = server.get(BrowserTestServer.browser(),
                "/authorize?response_type=code&client_id=spa&redirect_uri=" + ENCODED_REDIRECT
                        + "&state=%22%3E%3Cb%3E&response_mode=form_post&code_challenge=" + CHALLENGE
                        + "&code_challenge_method=plain");

        assertPage(response, 200);
        String body = response.body();
        assertTrue(body.contains("<form method=\"post\" action=\"" + REDIRECT_URI + "\">"), body);
        assertTrue(body.contains("<input type=\"hidden\" name=\"error\" value=\"invalid_request\">"), body);
        assertTrue(body.contains("name=\"error_description\" value=\"The code_challenge_method must be S256.\""), body);
        assertTrue(body.contains("name=\"state\" value=\"&quot;&gt;&lt;b&gt;\""), body);
        assertTrue(body.contains("name=\"iss\" value=\"http://127.0.0.1\""), body);
        assertTrue(body.contains("<button type=\"submit\">Continue</button>"), "works without script");
        String nonce = response.headers().firstValue("Content-Security-Policy").orElseThrow()
                .replaceAll(".*script-src 'nonce-([^']+)'.*", "$1");
        assertTrue(body.contains("<script nonce=\"" + nonce + "\">"), body);
    }

    @Test
    void authorizeWhenPromptNoneWithoutSessionThenLoginRequired() { // OIDC Core §3.1.2.6
        HttpResponse<String> response = server.get(BrowserTestServer.browser(), authorizeQuery("web", "&prompt=none"));

        assertRedirectTo(response, REDIRECT_URI + "?error=login_required&error_description=The+user+must+sign+in."
                + "&state=s+1&" + ISS);
    }

    @Test
    void flowWhenLoginAndAllowThenCodeRedirectAndCodeStored() { // RFC 6749 §4.1.2
        HttpClient browser = BrowserTestServer.browser();

        HttpResponse<String> signedIn = signIn(browser, "web", "&scope=openid%20read&nonce=n-1");
        HttpResponse<String> allowed = decide(browser, signedIn, "allow");

        assertEquals(303, signedIn.statusCode());
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().startsWith("http://127.0.0.1:"));
        assertTrue(signedIn.headers().firstValue("Location").orElseThrow().contains("/consent?request="));
        String cookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.matches("portcullis_session=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax"), cookie);
        String code = codeFrom(allowed);
        Redemption.Redeemed redeemed = (Redemption.Redeemed) server.codes.redeem(TokenHash.of(code), BrowserTestServer.NOW);
        assertEquals(new ClientId("web"), redeemed.code().clientId());
        assertEquals(ScopeSet.of("openid", "read"), redeemed.code().scope());
        assertEquals(new Subject("user-1"), redeemed.code().subject());
        assertEquals(Optional.of("n-1"), redeemed.code().nonce());
    }

    @Test
    void authorizeWhenPostedFormThenSameFlow() { // OIDC Core §3.1.2.1
        HttpClient browser = BrowserTestServer.browser();

        HttpResponse<String> response = server.post(browser, "/authorize", authorizeQuery("web", "").substring("/authorize?".length()));

        assertEquals(303, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElseThrow().contains("/login?request="));
    }

    @Test
    void authorizeWhenPostedWithRepeatedStateThenRedirectError() { // RFC 6749 §3.1
        HttpResponse<String> response = server.post(BrowserTestServer.browser(), "/authorize",
                authorizeQuery("web", "&state=again").substring("/authorize?".length()));

        assertRedirectTo(response, REDIRECT_URI + "?error=invalid_request"
                + "&error_description=The+state+parameter+is+repeated.&" + ISS);
    }

    @Test
    void loginWhenCsrfTokenWrongThen403() {
        HttpClient browser = BrowserTestServer.browser();
        HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("web", "")));

        HttpResponse<String> response = server.post(browser, "/login", "request=" + hidden(login.body(), "request")
                + "&csrf_token=forged&username=" + USERNAME + "&password=x");

        assertPage(response, 403);
        assertFalse(response.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test
    void loginWhenPasswordWrongThenFormAgainWithMessage() {
        HttpClient browser = BrowserTestServer.browser();
        HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("web", "")));

        HttpResponse<String> response = server.post(browser, "/login", "request=" + hidden(login.body(), "request")
                + "&csrf_token=" + hidden(login.body(), "csrf_token") + "&username=bob&password=wrong");

        assertPage(response, 200);
        assertTrue(response.body().contains("The username or password is incorrect."), response.body());
        assertEquals("bob", hidden(response.body(), "username"));
        assertFalse(response.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test
    void loginWhenIdentityBackendDownThen503PageAndNothingIssued() {
        HttpClient browser = BrowserTestServer.browser();
        HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("web", "")));
        server.identityDown.set(true);
        HttpResponse<String> response;
        try {
            response = server.post(browser, "/login", "request=" + hidden(login.body(), "request")
                    + "&csrf_token=" + hidden(login.body(), "csrf_token") + "&username=" + USERNAME + "&password=x");
        } finally {
            server.identityDown.set(false);
        }

        assertPage(response, 503);
        assertTrue(response.body().contains("The sign-in service is unavailable. Please try again later."));
        assertFalse(response.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test
    void loginWhenFiveFailuresForUsernameThen429() {
        HttpClient browser = BrowserTestServer.browser();
        HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("web", "")));
        String form = "request=" + hidden(login.body(), "request") + "&csrf_token=" + hidden(login.body(), "csrf_token")
                + "&username=throttled-user&password=";
        for (int i = 0; i < 5; i++) {
            assertEquals(200, server.post(browser, "/login", form + "wrong" + i).statusCode());
        }

        HttpResponse<String> response = server.post(browser, "/login", form + "wrong");

        assertPage(response, 429);
        assertTrue(response.body().contains("Too many failed sign-in attempts. Wait a few minutes, then try again."));
    }

    @Test
    void authorizeWhenSessionAndConsentRememberedThenCodeAtOnce() {
        HttpClient browser = BrowserTestServer.browser();
        codeFrom(decide(browser, signIn(browser, "web", "&scope=read"), "allow"));

        HttpResponse<String> again = server.get(browser, authorizeQuery("web", "&scope=read"));

        codeFrom(again);
    }

    @Test
    void authorizeWhenNewScopeThenConsentAskedAgain() {
        HttpClient browser = BrowserTestServer.browser();
        codeFrom(decide(browser, signIn(browser, "web", "&scope=read"), "allow"));

        HttpResponse<String> again = server.get(browser, authorizeQuery("web", "&scope=read%20write"));
        HttpResponse<String> consent = server.follow(browser, again);

        assertPage(consent, 200);
        assertTrue(consent.body().contains("<code>write</code>: Change your data"), consent.body());
    }

    @Test
    void authorizeWhenPromptNoneAndConsentMissingThenConsentRequired() { // OIDC Core §3.1.2.6
        HttpClient browser = BrowserTestServer.browser();
        codeFrom(decide(browser, signIn(browser, "web", "&scope=read"), "allow"));

        HttpResponse<String> response = server.get(browser, authorizeQuery("web", "&scope=write&prompt=none"));

        assertRedirectTo(response, REDIRECT_URI + "?error=consent_required"
                + "&error_description=The+user+must+consent+to+the+request.&state=s+1&" + ISS);
    }

    @Test
    void loginWhenFirstPartyClientThenCodeWithoutConsent() {
        HttpClient browser = BrowserTestServer.browser();

        HttpResponse<String> signedIn = signIn(browser, "first", "");

        codeFrom(signedIn);
    }

    @Test
    void consentWhenDenyThenAccessDenied() { // RFC 6749 §4.1.2.1
        HttpClient browser = BrowserTestServer.browser();

        HttpResponse<String> denied = decide(browser, signIn(browser, "web", ""), "deny");

        assertRedirectTo(denied, REDIRECT_URI + "?error=access_denied&error_description=The+user+denied+the+request."
                + "&state=s+1&" + ISS);
    }

    @Test
    void consentWhenCsrfTokenWrongThen403() {
        HttpClient browser = BrowserTestServer.browser();
        HttpResponse<String> consent = server.follow(browser, signIn(browser, "web", ""));

        HttpResponse<String> response = server.post(browser, "/consent", "request=" + hidden(consent.body(), "request")
                + "&csrf_token=forged&decision=allow");

        assertPage(response, 403);
    }

    @Test
    void consentWhenAnotherBrowserHasTheRequestIdThenRefused() { // RFC 9700 §4.4.1.8
        HttpClient browser = BrowserTestServer.browser();
        HttpResponse<String> toConsent = signIn(browser, "web", "");

        HttpResponse<String> response = server.follow(BrowserTestServer.browser(), toConsent);

        assertPage(response, 403);
        assertTrue(response.body().contains("This sign-in request was started in another browser."), response.body());
    }

    @Test
    void consentPageWhenClientNameHasMarkupThenEscaped() {
        HttpClient browser = BrowserTestServer.browser();

        HttpResponse<String> consent = server.follow(browser, signIn(browser, "evil", "&scope=read"));

        assertPage(consent, 200);
        assertFalse(consent.body().contains(BrowserTestServer.EVIL_NAME), consent.body());
        assertTrue(consent.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), consent.body());
        assertTrue(consent.body().contains("Read your &lt;data&gt; &amp; files"), consent.body());
    }

    @Test
    void loginPageWhenRequestedThenSecurityHeadersAndFields() { // RFC 9700 §4.16
        HttpClient browser = BrowserTestServer.browser();

        HttpResponse<String> login = server.follow(browser, server.get(browser, authorizeQuery("web", "&login_hint=alice")));

        assertPage(login, 200);
        assertEquals("alice", hidden(login.body(), "username"));
        assertTrue(login.body().contains("name=\"password\" type=\"password\""));
        assertTrue(login.body().contains("<link rel=\"stylesheet\" href=\"assets/portcullis.css\">"));
        assertFalse(login.body().contains("<script"), "no script on the login page");
    }

    @Test
    void loginPageWhenRequestUnknownThenErrorPage() {
        HttpResponse<String> response = server.get(BrowserTestServer.browser(), "/login?request=unknown");

        assertPage(response, 400);
        assertTrue(response.body().contains("The sign-in request is unknown or has expired."));
    }

    @Test
    void stylesheetWhenRequestedThenCss() {
        HttpResponse<String> response = server.get(BrowserTestServer.browser(), "/assets/portcullis.css");

        assertEquals(200, response.statusCode());
        assertEquals(Optional.of("text/css;charset=UTF-8"), response.headers().firstValue("Content-Type"));
        assertTrue(response.body().contains(".card"));
    }

    @Test
    void metadataWhenCodeFlowServedThenAuthorizationEndpointAdvertised() { // RFC 8414 §2, RFC 9207 §3, OIDC Discovery §3
        HttpResponse<String> response = server.get(BrowserTestServer.browser(), "/.well-known/oauth-authorization-server");

        assertEquals("{\"issuer\":\"http://127.0.0.1\",\"authorization_endpoint\":\"http://127.0.0.1/authorize\","
                + "\"token_endpoint\":\"http://127.0.0.1/token\",\"jwks_uri\":\"http://127.0.0.1/jwks\","
                + "\"scopes_supported\":[\"openid\",\"read\",\"write\"],\"response_types_supported\":[\"code\"],"
                + "\"response_modes_supported\":[\"query\",\"fragment\",\"form_post\"],"
                + "\"grant_types_supported\":[\"authorization_code\"],"
                + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\","
                + "\"private_key_jwt\",\"client_secret_jwt\",\"none\"],"
                + "\"token_endpoint_auth_signing_alg_values_supported\":" + ASSERTION_ALGS + ","
                + "\"code_challenge_methods_supported\":[\"S256\"],"
                + "\"authorization_response_iss_parameter_supported\":true,"
                + "\"userinfo_endpoint\":\"http://127.0.0.1/userinfo\",\"end_session_endpoint\":\"http://127.0.0.1/logout\","
                // OIDC Discovery §3: the OpenID Provider fields of the code flow.
                + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                + "\"claims_supported\":[\"sub\",\"iss\",\"aud\",\"exp\",\"iat\",\"auth_time\",\"nonce\",\"amr\","
                + "\"at_hash\",\"sid\"],\"claims_parameter_supported\":true,\"request_parameter_supported\":false,"
                + "\"request_uri_parameter_supported\":false,"
                // RFC 8414 §2, RFC 9701 §7: introspection and revocation, served with the deny list.
                + "\"introspection_endpoint\":\"http://127.0.0.1/introspect\","
                + "\"introspection_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\","
                + "\"private_key_jwt\",\"client_secret_jwt\"],"
                + "\"introspection_endpoint_auth_signing_alg_values_supported\":" + ASSERTION_ALGS + ","
                + "\"introspection_signing_alg_values_supported\":[\"RS256\"],"
                + "\"revocation_endpoint\":\"http://127.0.0.1/revoke\","
                + "\"revocation_endpoint_auth_methods_supported\":[\"client_secret_basic\",\"client_secret_post\","
                + "\"private_key_jwt\",\"client_secret_jwt\",\"none\"],"
                + "\"revocation_endpoint_auth_signing_alg_values_supported\":" + ASSERTION_ALGS + "}", response.body());
    }
}
