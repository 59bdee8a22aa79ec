package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue #3 end to end: a real headless Chromium signs in on the login page, consents, and lands
 * on the client's redirect URI with a code, which a real OAuth client library (Nimbus) exchanges
 * at the token endpoint. The server runs on PostgreSQL.
 */
class AuthorizationCodeBrowserIT {

    private static final String SECRET = "web-app-secret-0123456789";
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    static Path dir;

    private static TestInstance instance;
    private static CallbackServer callback;
    private static URI issuer;
    private ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        callback = CallbackServer.start();
        instance = TestInstance.onPostgres(dir, """
                grants: [client_credentials, authorization_code]
                scopes:
                  - name: orders:read
                    description: Read your orders
                  - name: openid
                    description: Sign you in
                users:
                  - username: alice
                    password: %s
                    sub: alice-0001
                    claims:
                      name: Alice Liddell
                clients:
                  - client_id: web-app
                    client_name: Order Portal
                    client_secret: %s
                    grant_types: [authorization_code, refresh_token]
                    redirect_uris: ["%s"]
                    scope: orders:read
                  - client_id: rp
                    client_name: Order Portal (OpenID)
                    client_secret: %s
                    grant_types: [authorization_code]
                    redirect_uris: ["%s"]
                    post_logout_redirect_uris: ["%s"]
                    scope: openid orders:read
                    first_party: true
                  - client_id: cli
                    client_name: Order CLI
                    token_endpoint_auth_method: none
                    grant_types: [authorization_code]
                    redirect_uris: ["http://127.0.0.1/callback"]
                    scope: orders:read
                """.formatted(PASSWORD, SECRET, callback.uri("/callback"), SECRET, callback.uri("/callback"),
                callback.uri("/signed-out")));
        issuer = instance.issuer();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
        if (callback != null) {
            callback.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browsers.chromium();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void codeFlowWhenUserSignsInAndAllowsThenClientExchangesCodeForTokens() throws Exception { // RFC 6749 §4.1, RFC 7636
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        URI redirectUri = callback.uri("/callback");
        CodeVerifier verifier = new CodeVerifier();
        State state = new State();
        URI authorize = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID("web-app"))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(redirectUri).scope(new Scope("orders:read")).state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();

        browser.get(authorize.toString());
        signIn(browser, "alice", PASSWORD);
        allow(browser);
        AuthorizationSuccessResponse response = landOn(browser, redirectUri);

        assertEquals(state, response.getState());
        assertEquals(new Issuer(issuer), response.getIssuer()); // RFC 9207
        Tokens tokens = exchange(metadata, new ClientSecretBasic(new ClientID("web-app"), new Secret(SECRET)),
                response.getAuthorizationCode(), redirectUri, verifier);
        JWTClaimsSet claims = SignedJWT.parse(tokens.getAccessToken().getValue()).getJWTClaimsSet();
        assertEquals("alice-0001", claims.getSubject());
        assertEquals("web-app", claims.getStringClaim("client_id"));
        assertEquals("orders:read", claims.getStringClaim("scope"));
        assertNotNull(tokens.getRefreshToken()); // the client may use refresh_token
    }

    @Test
    void codeFlowWhenPublicNativeClientOnLoopbackPortThenPkceAloneAuthenticates() throws Exception { // RFC 8252 §7.3
        AuthorizationServerMetadata metadata = AuthorizationServerMetadata.resolve(new Issuer(issuer));
        URI redirectUri = callback.uri("/callback");
        CodeVerifier verifier = new CodeVerifier();
        URI authorize = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID("cli"))
                .endpointURI(metadata.getAuthorizationEndpointURI())
                .redirectionURI(redirectUri).scope(new Scope("orders:read")).state(new State())
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();

        browser.get(authorize.toString());
        signIn(browser, "alice", PASSWORD);
        allow(browser);
        AuthorizationSuccessResponse response = landOn(browser, redirectUri);
        TokenRequest request = new TokenRequest.Builder(metadata.getTokenEndpointURI(), new ClientID("cli"),
                new AuthorizationCodeGrant(response.getAuthorizationCode(), redirectUri, verifier)).build();
        TokenResponse tokens = TokenResponse.parse(request.toHTTPRequest().send());

        assertTrue(tokens.indicatesSuccess(), () -> tokens.toErrorResponse().getErrorObject().toString());
        assertEquals("alice-0001", SignedJWT.parse(tokens.toSuccessResponse().getTokens().getAccessToken().getValue())
                .getJWTClaimsSet().getSubject());
    }

    @Test
    void logoutWhenRelyingPartyPostsFromAnotherSiteThenSessionEnds() throws Exception { // RP-Initiated Logout §2
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        URI redirectUri = callback.uri("/callback");
        CodeVerifier verifier = new CodeVerifier();
        browser.get(new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "orders:read"),
                new ClientID("rp"), redirectUri).endpointURI(provider.getAuthorizationEndpointURI())
                .state(new State()).nonce(new Nonce()).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI().toString());
        signIn(browser, "alice", PASSWORD);
        AuthorizationSuccessResponse response = landOn(browser, redirectUri);
        var tokenResponse = OIDCTokenResponseParser.parse(new TokenRequest.Builder(provider.getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID("rp"), new Secret(SECRET)),
                new AuthorizationCodeGrant(response.getAuthorizationCode(), redirectUri, verifier)).build()
                .toHTTPRequest().send());
        assertTrue(tokenResponse.indicatesSuccess(), () -> tokenResponse.toErrorResponse().getErrorObject().toString());
        String idToken = ((OIDCTokenResponse) tokenResponse.toSuccessResponse()).getOIDCTokens().getIDTokenString();
        // The relying party's own page, on another site (localhost, the server being 127.0.0.1),
        // POSTs the logout request: the browser sends no SameSite=Lax cookie with it.
        callback.page("/rp-logout", """
                <html><body onload="document.forms[0].submit()">
                <form method="post" action="%s">
                <input type="hidden" name="id_token_hint" value="%s">
                <input type="hidden" name="post_logout_redirect_uri" value="%s">
                <input type="hidden" name="state" value="bye">
                </form></body></html>""".formatted(provider.getEndSessionEndpointURI(), idToken,
                callback.uri("/signed-out")));

        browser.get("http://localhost:" + callback.uri("/").getPort() + "/rp-logout");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl() != null
                && b.getCurrentUrl().startsWith(callback.uri("/signed-out").toString()));

        assertEquals(callback.uri("/signed-out?state=bye").toString(), browser.getCurrentUrl());
        // The session is gone: a silent request now needs a login (OIDC Core §3.1.2.6).
        browser.get(new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), new ClientID("rp"),
                redirectUri).endpointURI(provider.getAuthorizationEndpointURI()).state(new State())
                .nonce(new Nonce()).codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256)
                .prompt(new Prompt(Prompt.Type.NONE)).build().toURI().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> b.getCurrentUrl() != null
                && b.getCurrentUrl().startsWith(redirectUri.toString()));
        AuthorizationResponse silent = AuthorizationResponse.parse(URI.create(browser.getCurrentUrl()));
        assertEquals("login_required", silent.toErrorResponse().getErrorObject().getCode());
    }

    /** Clicks Allow once the consent page has loaded: a slow machine may still be on its way there. */
    private static void allow(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='Allow']"))).click();
    }

    private static void signIn(WebDriver browser, String username, String password) {
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
    }

    private static AuthorizationSuccessResponse landOn(WebDriver browser, URI redirectUri) throws Exception {
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(b -> b.getCurrentUrl() != null && b.getCurrentUrl().startsWith(redirectUri.toString()));
        AuthorizationResponse response = AuthorizationResponse.parse(URI.create(browser.getCurrentUrl()));
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse();
    }

    private static Tokens exchange(AuthorizationServerMetadata metadata, ClientSecretBasic client, AuthorizationCode code,
                                   URI redirectUri, CodeVerifier verifier) throws Exception {
        TokenRequest request = new TokenRequest.Builder(metadata.getTokenEndpointURI(), client,
                new AuthorizationCodeGrant(code, redirectUri, verifier)).build();
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return response.toSuccessResponse().getTokens();
    }
}
