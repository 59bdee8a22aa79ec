package dev.portcullis.oauth.runtime.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCClaimsRequest;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.ClaimRequirement;
import com.nimbusds.openid.connect.sdk.claims.ClaimsSetRequest;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.token.OIDCTokens;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #4: a relying party built on the Nimbus OpenID Connect SDK, with its own validators,
 * against the real server on PostgreSQL: discovery, the code flow with PKCE and nonce, ID token
 * validation, userinfo, and a refresh that keeps the same subject.
 */
class OpenIdRelyingPartyIT {

    private static final String SECRET = "relying-party-secret-0123";
    private static final String PASSWORD = "correct horse battery staple";
    private static final URI REDIRECT = URI.create("https://rp.example.com/callback");
    private static final URI SIGNED_OUT = URI.create("https://rp.example.com/signed-out");

    @TempDir
    static Path dir;

    private static TestInstance instance;
    private static URI issuer;

    @BeforeAll
    static void start() throws Exception {
        instance = TestInstance.onPostgres(dir, """
                scopes:
                  - name: openid
                    description: Sign you in
                  - name: profile
                    description: Your name
                  - name: email
                    description: Your email address
                  - name: offline_access
                    description: Stay signed in
                users:
                  - username: alice
                    password: %s
                    sub: alice-0001
                    claims:
                      name: Alice Liddell
                      email: alice@example.com
                      email_verified: true
                      birthdate: "1852-05-04"
                clients:
                  - client_id: rp
                    client_name: Relying Party
                    client_secret: %s
                    grant_types: [authorization_code, refresh_token]
                    redirect_uris: ["%s"]
                    post_logout_redirect_uris: ["%s"]
                    scope: openid profile email offline_access
                    first_party: true
                """.formatted(PASSWORD, SECRET, REDIRECT, SIGNED_OUT));
        issuer = instance.issuer();
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    @Test
    void relyingPartyWhenSigningInThenIdTokenValidatesAndUserInfoRefreshAndLogoutWork() throws Exception { // OIDC Core §3.1
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        ClientID clientId = new ClientID("rp");
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        State state = new State();
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile", "email", "offline_access"), clientId, REDIRECT)
                .endpointURI(provider.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build().toURI();

        FormBrowser browser = new FormBrowser();
        AuthorizationCode code = signIn(browser, authorize, state);
        OIDCTokens tokens = tokens(new TokenRequest.Builder(provider.getTokenEndpointURI(),
                new ClientSecretBasic(clientId, new Secret(SECRET)),
                new AuthorizationCodeGrant(code, REDIRECT, verifier)).build());
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
        IDTokenClaimsSet idToken = validator.validate(tokens.getIDToken(), nonce);
        UserInfoResponse userInfoResponse = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) tokens.getAccessToken()).toHTTPRequest().send());
        OIDCTokens refreshed = tokens(new TokenRequest.Builder(provider.getTokenEndpointURI(),
                new ClientSecretBasic(clientId, new Secret(SECRET)), new RefreshTokenGrant(tokens.getRefreshToken())).build());

        assertEquals("alice-0001", idToken.getSubject().getValue());
        assertNotNull(idToken.getAuthenticationTime());
        assertTrue(userInfoResponse.indicatesSuccess(), () -> userInfoResponse.toErrorResponse().getErrorObject().toString());
        UserInfo userInfo = userInfoResponse.toSuccessResponse().getUserInfo();
        assertEquals(idToken.getSubject(), userInfo.getSubject()); // OIDC Core §5.3.2
        assertEquals("Alice Liddell", userInfo.getName());
        assertEquals("alice@example.com", userInfo.getEmailAddress());
        assertEquals("1852-05-04", userInfo.getBirthdate());
        assertNotNull(refreshed.getAccessToken());
        assertTrue(!refreshed.getRefreshToken().equals(tokens.getRefreshToken()), "every refresh rotates");

        // RP-Initiated Logout 1.0: the browser goes to the end-session endpoint with the ID token as hint.
        State logoutState = new State();
        URI logout = new LogoutRequest(provider.getEndSessionEndpointURI(), tokens.getIDToken(), SIGNED_OUT,
                logoutState).toURI();
        HttpResponse<String> signedOut = browser.get(logout);
        assertEquals(303, signedOut.statusCode(), signedOut.body());
        assertEquals(SIGNED_OUT + "?state=" + logoutState.getValue(),
                signedOut.headers().firstValue("Location").orElseThrow());
        // The session is gone: a silent authorization request now needs a login (OIDC Core §3.1.2.6).
        URI silent = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid"), clientId, REDIRECT)
                .endpointURI(provider.getAuthorizationEndpointURI()).state(new State()).nonce(new Nonce())
                .codeChallenge(new CodeVerifier(), CodeChallengeMethod.S256).prompt(new Prompt(Prompt.Type.NONE))
                .build().toURI();
        AuthorizationResponse afterLogout = AuthorizationResponse.parse(URI.create(
                browser.get(silent).headers().firstValue("Location").orElseThrow()));
        assertEquals("login_required", afterLogout.toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void relyingPartyWhenClaimsRequestedOneByOneThenIdTokenAndUserInfoCarryThemAcrossRefresh() throws Exception { // OIDC Core §5.5
        OIDCProviderMetadata provider = OIDCProviderMetadata.resolve(new Issuer(issuer));
        assertTrue(provider.supportsClaimsParam());
        ClientID clientId = new ClientID("rp");
        CodeVerifier verifier = new CodeVerifier();
        Nonce nonce = new Nonce();
        State state = new State();
        OIDCClaimsRequest claims = new OIDCClaimsRequest()
                .withIDTokenClaimsRequest(new ClaimsSetRequest().add(new ClaimsSetRequest.Entry("name")
                        .withClaimRequirement(ClaimRequirement.ESSENTIAL)))
                .withUserInfoClaimsRequest(new ClaimsSetRequest().add("email").add("birthdate"));
        URI authorize = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "offline_access"),
                clientId, REDIRECT).endpointURI(provider.getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256).claims(claims)
                .build().toURI();

        AuthorizationCode code = signIn(new FormBrowser(), authorize, state);
        OIDCTokens tokens = tokens(new TokenRequest.Builder(provider.getTokenEndpointURI(),
                new ClientSecretBasic(clientId, new Secret(SECRET)),
                new AuthorizationCodeGrant(code, REDIRECT, verifier)).build());
        IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId, JWSAlgorithm.RS256,
                provider.getJWKSetURI().toURL());
        IDTokenClaimsSet idToken = validator.validate(tokens.getIDToken(), nonce);
        UserInfo userInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) tokens.getAccessToken()).toHTTPRequest().send()).toSuccessResponse().getUserInfo();
        OIDCTokens refreshed = tokens(new TokenRequest.Builder(provider.getTokenEndpointURI(),
                new ClientSecretBasic(clientId, new Secret(SECRET)), new RefreshTokenGrant(tokens.getRefreshToken())).build());
        IDTokenClaimsSet refreshedIdToken = validator.validate(refreshed.getIDToken(), null);
        UserInfo refreshedUserInfo = UserInfoResponse.parse(new UserInfoRequest(provider.getUserInfoEndpointURI(),
                (BearerAccessToken) refreshed.getAccessToken()).toHTTPRequest().send()).toSuccessResponse().getUserInfo();

        assertEquals("Alice Liddell", idToken.getStringClaim("name"));
        assertEquals(null, idToken.getStringClaim("email"), "email was asked for UserInfo only");
        assertEquals("alice@example.com", userInfo.getEmailAddress());
        assertEquals("1852-05-04", userInfo.getBirthdate());
        assertEquals(null, userInfo.getName(), "neither the profile scope nor the claims request asked for name there");
        // OIDC Core §12.2: the refreshed ID token keeps the authentication; the family keeps the claims request.
        assertEquals("Alice Liddell", refreshedIdToken.getStringClaim("name"));
        assertEquals(idToken.getStringClaim("sid"), refreshedIdToken.getStringClaim("sid"));
        assertNotNull(refreshedIdToken.getStringClaim("sid"));
        assertEquals(idToken.getStringListClaim("amr"), refreshedIdToken.getStringListClaim("amr"));
        assertEquals(idToken.getAuthenticationTime(), refreshedIdToken.getAuthenticationTime());
        assertEquals("alice@example.com", refreshedUserInfo.getEmailAddress());
    }

    private static AuthorizationCode signIn(FormBrowser browser, URI authorize, State state) throws Exception {
        HttpResponse<String> login = browser.follow(browser.get(authorize), issuer);
        HttpResponse<String> landed = browser.follow(browser.post(login.uri().resolve("login"),
                FormBrowser.hiddenFields(login.body(), Map.of("username", "alice", "password", PASSWORD))), issuer);
        URI location = URI.create(landed.headers().firstValue("Location").orElseThrow(() ->
                new AssertionError("no redirect to the client: " + landed.statusCode() + " " + landed.body())));
        AuthorizationResponse response = AuthorizationResponse.parse(location);
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        assertEquals(state, response.getState());
        return response.toSuccessResponse().getAuthorizationCode();
    }

    private static OIDCTokens tokens(TokenRequest request) throws Exception {
        var response = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
        assertTrue(response.indicatesSuccess(), () -> response.toErrorResponse().getErrorObject().toString());
        return ((OIDCTokenResponse) response.toSuccessResponse()).getOIDCTokens();
    }
}
