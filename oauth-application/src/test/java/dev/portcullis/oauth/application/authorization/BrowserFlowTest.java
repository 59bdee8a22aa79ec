package dev.portcullis.oauth.application.authorization;

import static dev.portcullis.oauth.application.authorization.TestFlows.FLOW;
import static dev.portcullis.oauth.application.authorization.TestFlows.PASSWORD;
import static dev.portcullis.oauth.application.authorization.TestFlows.USERNAME;
import static dev.portcullis.oauth.application.authorization.TestFlows.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.authorization.AuthorizationStep.LoginProblem;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.domain.event.SignInAttempted;
import dev.portcullis.oauth.domain.event.ConsentChanged;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.CodeChallengeMethod;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.scope.Scope;
import dev.portcullis.oauth.domain.scope.ScopeDefinition;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.session.BrowserSession;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BrowserFlowTest {

    private final TestFlows flows = new TestFlows();

    private AuthorizationStep.Interaction startLogin(String... pairs) {
        return assertInstanceOf(AuthorizationStep.Interaction.class, flows.authorize(pairs));
    }

    private AuthorizationStep login(String requestId, String username, String password, String address) {
        AuthorizationStep.LoginPage page = (AuthorizationStep.LoginPage) flows.signIn.page(requestId, FLOW);
        return flows.signIn.signIn(new LoginAttempt(requestId, page.csrfToken(), Optional.of(FLOW), username, password,
                Optional.of(address)));
    }

    private AuthorizationStep allow(AuthorizationStep.SignedIn signedIn) {
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();
        String cookie = signedIn.session().cookieValue();
        AuthorizationStep.ConsentPage page = (AuthorizationStep.ConsentPage) flows.giveConsent.page(consent.requestId(), cookie, FLOW);
        return flows.giveConsent.decide(new ConsentDecision(consent.requestId(), page.csrfToken(), true, Optional.of(cookie),
                Optional.of(FLOW)));
    }

    private static String code(AuthorizationStep step) {
        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, step);
        assertEquals(List.of("code", "state", "iss"), List.copyOf(redirect.parameters().keySet()));
        return redirect.parameters().get("code");
    }

    @Test
    void pageWhenRequestPendingThenFormPrefilledWithLoginHint() { // OIDC Core §3.1.2.1
        AuthorizationStep.Interaction login = startLogin(valid("login_hint", "alice@example.com"));

        AuthorizationStep.LoginPage page = assertInstanceOf(AuthorizationStep.LoginPage.class, flows.signIn.page(login.requestId(), FLOW));

        assertEquals("Confidential test client", page.clientName());
        assertEquals(Optional.of("alice@example.com"), page.username());
        assertEquals(Optional.empty(), page.problem());
        assertTrue(page.csrfToken().length() >= 43);
    }

    @Test
    void pageWhenRequestUnknownThenErrorPage() {
        AuthorizationStep step = flows.signIn.page("no-such-request", FLOW);

        assertEquals(new AuthorizationStep.ErrorPage(new OAuthError(StandardErrorCode.INVALID_REQUEST,
                "The sign-in request is unknown or has expired.")), step);
    }

    @Test
    void pageWhenRequestOlderThanTenMinutesThenErrorPage() {
        AuthorizationStep.Interaction login = startLogin(valid());
        flows.clock.advance(Duration.ofMinutes(10));

        AuthorizationStep step = flows.signIn.page(login.requestId(), FLOW);

        assertEquals(new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST), step);
    }

    @Test
    void signInWhenCsrfTokenWrongThenRejected() {
        AuthorizationStep.Interaction login = startLogin(valid());

        AuthorizationStep step = flows.signIn.signIn(new LoginAttempt(login.requestId(), "forged", Optional.of(FLOW),
                USERNAME, PASSWORD, Optional.empty()));

        assertInstanceOf(AuthorizationStep.CsrfRejected.class, step);
        assertEquals(Optional.empty(), flows.sessions.findByIdHash("anything"));
    }

    @Test
    void signInWhenPasswordWrongThenFormAgainWithUsername() {
        AuthorizationStep.Interaction login = startLogin(valid());

        AuthorizationStep step = login(login.requestId(), USERNAME, "wrong", "192.0.2.1");

        AuthorizationStep.LoginPage page = assertInstanceOf(AuthorizationStep.LoginPage.class, step);
        assertEquals(Optional.of(LoginProblem.INVALID_CREDENTIALS), page.problem());
        assertEquals(Optional.of(USERNAME), page.username());
    }

    @Test
    void signInWhenUserUnknownThenSameAnswerAsWrongPassword() {
        AuthorizationStep.Interaction login = startLogin(valid());

        AuthorizationStep.LoginPage page = (AuthorizationStep.LoginPage) login(login.requestId(), "mallory", "x", "192.0.2.1");

        assertEquals(Optional.of(LoginProblem.INVALID_CREDENTIALS), page.problem());
    }

    @Test
    void signInWhenIdentityBackendDownThenUnavailableAndNothingIssued() {
        AuthorizationStep.Interaction login = startLogin(valid());
        flows.identityDown = true;

        AuthorizationStep step = login(login.requestId(), USERNAME, PASSWORD, "192.0.2.1");

        assertEquals(Optional.of(LoginProblem.UNAVAILABLE), assertInstanceOf(AuthorizationStep.LoginPage.class, step).problem());
        assertTrue(flows.flow.activePending(login.requestId()).orElseThrow().authentication().isEmpty());
    }

    @Test
    void signInWhenFiveFailuresForUsernameThenThrottledEvenWithRightPassword() {
        AuthorizationStep.Interaction login = startLogin(valid());
        for (int i = 0; i < 5; i++) {
            login(login.requestId(), USERNAME, "wrong-" + i, "192.0.2." + i);
        }

        AuthorizationStep step = login(login.requestId(), "ALICE", PASSWORD, "198.51.100.1");

        assertEquals(Optional.of(LoginProblem.THROTTLED), assertInstanceOf(AuthorizationStep.LoginPage.class, step).problem());
    }

    @Test
    void signInWhenWindowPassedThenAllowedAgain() {
        AuthorizationStep.Interaction login = startLogin(valid());
        for (int i = 0; i < 5; i++) {
            login(login.requestId(), USERNAME, "wrong", "192.0.2.1");
        }
        flows.clock.advance(Duration.ofMinutes(5));

        AuthorizationStep step = login(login.requestId(), USERNAME, PASSWORD, "192.0.2.1");

        assertInstanceOf(AuthorizationStep.SignedIn.class, step);
    }

    @Test
    void signInWhenTwentyFailuresFromAddressThenThrottledForAnyUsername() {
        AuthorizationStep.Interaction login = startLogin(valid());
        for (int i = 0; i < 20; i++) {
            login(login.requestId(), "user" + i, "wrong", "203.0.113.7");
        }

        AuthorizationStep step = login(login.requestId(), USERNAME, PASSWORD, "203.0.113.7");

        assertEquals(Optional.of(LoginProblem.THROTTLED), assertInstanceOf(AuthorizationStep.LoginPage.class, step).problem());
    }

    @Test
    void signInWhenRightPasswordThenSessionStoredAndConsentAsked() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));

        assertEquals(AuthorizationStep.Page.CONSENT, ((AuthorizationStep.Interaction) signedIn.next()).page());
        var stored = flows.sessions.findByIdHash(TokenHash.of(signedIn.session().cookieValue())).orElseThrow();
        assertEquals(TestFlows.SUBJECT, stored.subject());
        assertEquals(TestFlows.NOW, stored.authTime());
        assertEquals(TestFlows.NOW.plus(Duration.ofHours(8)), stored.expiresAt());
    }

    @Test
    void signInWhenRightPasswordThenSessionAndNextStepWrittenInOneUnitOfWork() { // a failure leaves the request pending
        AuthorizationStep.Interaction login = startLogin(valid("scope", "read"));
        int before = flows.units.units();

        login(login.requestId(), USERNAME, PASSWORD, "192.0.2.1");

        assertEquals(before + 1, flows.units.units());
    }

    @Test
    void decideWhenAllowThenPendingTakenConsentAndCodeWrittenInOneUnitOfWork() { // a failure leaves the request pending
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        int before = flows.units.units();

        String code = code(allow(signedIn));

        assertEquals(before + 1, flows.units.units());
        assertTrue(flows.consents.find(TestFlows.SUBJECT, new ClientId("confidential-client")).isPresent());
        assertInstanceOf(Redemption.Redeemed.class, flows.codes.redeem(TokenHash.of(code), TestFlows.NOW));
    }

    @Test
    void consentPageWhenSignedInThenClientNameAndScopeDescriptions() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read"));
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();

        AuthorizationStep step = flows.giveConsent.page(consent.requestId(), signedIn.session().cookieValue(), FLOW);

        AuthorizationStep.ConsentPage page = assertInstanceOf(AuthorizationStep.ConsentPage.class, step);
        assertEquals("Confidential test client", page.clientName());
        assertEquals(List.of(new ScopeDefinition(new Scope("openid"), "Sign you in"),
                new ScopeDefinition(new Scope("read"), "Read your data")), page.scopes());
    }

    @Test
    void pageWhenUiLocalesSentThenLoginPageCarriesThem() { // OIDC Core §3.1.2.1
        AuthorizationStep.Interaction login = startLogin(valid("ui_locales", "fr-CA en"));

        AuthorizationStep step = flows.signIn.page(login.requestId(), FLOW);

        assertEquals(List.of("fr-CA", "en"), assertInstanceOf(AuthorizationStep.LoginPage.class, step).uiLocales());
    }

    @Test
    void consentPageWhenUiLocalesSentThenConsentPageCarriesThem() { // OIDC Core §3.1.2.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("ui_locales", "de"));
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();

        AuthorizationStep step = flows.giveConsent.page(consent.requestId(), signedIn.session().cookieValue(), FLOW);

        assertEquals(List.of("de"), assertInstanceOf(AuthorizationStep.ConsentPage.class, step).uiLocales());
    }

    @Test
    void consentPageWhenAnotherSessionThenErrorPage() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid());
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();

        AuthorizationStep step = flows.giveConsent.page(consent.requestId(), "someone-elses-cookie", FLOW);

        assertEquals(new AuthorizationStep.ErrorPage(new OAuthError(StandardErrorCode.INVALID_REQUEST,
                "The browser session does not match the sign-in request.")), step);
    }

    @Test
    void decideWhenAllowThenCodeStoredByHashAndBoundToRequest() { // RFC 6749 §4.1.2, RFC 7636 §4.4
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read", "nonce", "n-0S6"));

        AuthorizationStep step = allow(signedIn);

        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, step);
        String code = code(step);
        assertEquals("xyz", redirect.parameters().get("state"));
        assertEquals("https://as.example.com", redirect.parameters().get("iss"));
        assertTrue(code.length() >= 43, "256 bits");
        AuthorizationCode stored = ((Redemption.Redeemed) flows.codes.redeem(TokenHash.of(code), TestFlows.NOW)).code();
        assertEquals(new ClientId("confidential-client"), stored.clientId());
        assertEquals(TestClients.REDIRECT_URI, stored.redirectUri());
        assertEquals(ScopeSet.of("read"), stored.scope());
        assertEquals(TestFlows.SUBJECT, stored.subject());
        assertEquals(TestFlows.NOW, stored.authTime());
        assertEquals(CodeChallengeMethod.S256, stored.codeChallenge().orElseThrow().method());
        assertEquals(TestFlows.CHALLENGE, stored.codeChallenge().orElseThrow().value());
        assertEquals(Optional.of("n-0S6"), stored.nonce());
        assertEquals(TestFlows.NOW.plusSeconds(60), stored.expiresAt());
    }

    @Test
    void decideWhenAllowThenCodeCarriesTheSessionsSidNotItsCookie() { // OIDC Front-Channel Logout §3
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid"));
        String cookie = signedIn.session().cookieValue();

        String code = code(allow(signedIn));

        AuthorizationCode stored = ((Redemption.Redeemed) flows.codes.redeem(TokenHash.of(code), TestFlows.NOW)).code();
        assertEquals(Optional.of(BrowserSession.sidOf(TokenHash.of(cookie))), stored.sessionId());
        assertNotEquals(cookie, stored.sessionId().orElseThrow());
        assertNotEquals(TokenHash.of(cookie), stored.sessionId().orElseThrow());
    }

    @Test
    void signInThenEachCheckedAttemptPublishedAndConsentGivenPublished() {
        AuthorizationStep.Interaction login = startLogin(valid());
        login(login.requestId(), USERNAME, "wrong", "192.0.2.1");
        AuthorizationStep.SignedIn signedIn = assertInstanceOf(AuthorizationStep.SignedIn.class,
                login(login.requestId(), USERNAME, PASSWORD, "192.0.2.1"));

        allow(signedIn);

        ClientId client = new ClientId("confidential-client");
        Instant now = flows.clock.instant();
        assertEquals(List.of(
                new SignInAttempted(now, client, Optional.empty(), false),
                new SignInAttempted(now, client, Optional.of(TestFlows.SUBJECT.value()), true),
                new ConsentChanged(now, client, TestFlows.SUBJECT.value(), true, ScopeSet.of("openid", "read"),
                        Optional.empty())), flows.events);
    }

    @Test
    void decideWhenDenyThenAccessDenied() { // RFC 6749 §4.1.2.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid());
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();
        String cookie = signedIn.session().cookieValue();
        AuthorizationStep.ConsentPage page = (AuthorizationStep.ConsentPage) flows.giveConsent.page(consent.requestId(), cookie, FLOW);

        AuthorizationStep step = flows.giveConsent.decide(new ConsentDecision(consent.requestId(), page.csrfToken(), false,
                Optional.of(cookie), Optional.of(FLOW)));

        assertEquals(Map.of("error", "access_denied", "error_description", "The user denied the request.",
                "state", "xyz", "iss", "https://as.example.com"),
                assertInstanceOf(AuthorizationStep.Redirect.class, step).parameters());
        assertEquals(Optional.empty(), flows.consents.find(TestFlows.SUBJECT, new ClientId("confidential-client")));
    }

    @Test
    void decideWhenCsrfTokenWrongThenRejected() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid());
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();

        AuthorizationStep step = flows.giveConsent.decide(new ConsentDecision(consent.requestId(), "forged", true,
                Optional.of(signedIn.session().cookieValue()), Optional.of(FLOW)));

        assertInstanceOf(AuthorizationStep.CsrfRejected.class, step);
    }

    @Test
    void decideWhenSentTwiceThenSecondFindsNoRequest() { // single use
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid());
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();
        String cookie = signedIn.session().cookieValue();
        AuthorizationStep.ConsentPage page = (AuthorizationStep.ConsentPage) flows.giveConsent.page(consent.requestId(), cookie, FLOW);
        ConsentDecision decision = new ConsentDecision(consent.requestId(), page.csrfToken(), true, Optional.of(cookie),
                Optional.of(FLOW));
        flows.giveConsent.decide(decision);

        AuthorizationStep second = flows.giveConsent.decide(decision);

        assertEquals(new AuthorizationStep.ErrorPage(AuthorizationFlow.UNKNOWN_REQUEST), second);
    }

    @Test
    void authorizeWhenSessionAndConsentRememberedThenCodeWithoutPages() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(), valid("scope", "read"));

        code(step);
    }

    @Test
    void authorizeWhenNewScopeThenConsentAskedAgainAndUnionStored() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);
        String cookie = signedIn.session().cookieValue();

        AuthorizationStep.Interaction again = assertInstanceOf(AuthorizationStep.Interaction.class,
                flows.authorizeWithCookie(cookie, valid("scope", "openid")));
        AuthorizationStep.ConsentPage page = (AuthorizationStep.ConsentPage) flows.giveConsent.page(again.requestId(), cookie, FLOW);
        flows.giveConsent.decide(new ConsentDecision(again.requestId(), page.csrfToken(), true, Optional.of(cookie),
                Optional.of(FLOW)));

        assertEquals(AuthorizationStep.Page.CONSENT, again.page());
        assertEquals(ScopeSet.of("read", "openid"),
                flows.consents.find(TestFlows.SUBJECT, new ClientId("confidential-client")).orElseThrow().scope());
    }

    @Test
    void signInWhenFirstPartyClientThenCodeWithoutConsent() {
        flows.client(TestClients.confidential("first").firstParty(true));

        AuthorizationStep.SignedIn signedIn = flows.signInThrough("client_id", "first", "redirect_uri",
                TestClients.REDIRECT_URI.toString(), "response_type", "code", "state", "xyz");

        code(signedIn.next());
    }

    @Test
    void authorizeWhenPromptConsentThenConsentPageDespiteRememberedConsent() { // OIDC Core §3.1.2.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(),
                valid("scope", "read", "prompt", "consent"));

        assertEquals(AuthorizationStep.Page.CONSENT, assertInstanceOf(AuthorizationStep.Interaction.class, step).page());
    }

    @Test
    void authorizeWhenPromptNoneAndConsentNeededThenConsentRequired() { // OIDC Core §3.1.2.6
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(), valid("prompt", "none"));

        assertEquals(Map.of("error", "consent_required", "error_description", "The user must consent to the request.",
                "state", "xyz", "iss", "https://as.example.com"),
                assertInstanceOf(AuthorizationStep.Redirect.class, step).parameters());
    }

    @Test
    void authorizeWhenPromptNoneAndSessionAndConsentThenCode() { // OIDC Core §3.1.2.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(),
                valid("scope", "read", "prompt", "none"));

        code(step);
    }

    @Test
    void authorizeWhenPromptLoginThenLoginDespiteSession() { // OIDC Core §3.1.2.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(),
                valid("scope", "read", "prompt", "login"));

        assertEquals(AuthorizationStep.Page.LOGIN, assertInstanceOf(AuthorizationStep.Interaction.class, step).page());
    }

    @Test
    void authorizeWhenMaxAgeExceededThenLogin() { // OIDC Core §3.1.2.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);
        flows.clock.advance(Duration.ofSeconds(301));

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(),
                valid("scope", "read", "max_age", "300"));

        assertEquals(AuthorizationStep.Page.LOGIN, assertInstanceOf(AuthorizationStep.Interaction.class, step).page());
    }

    @Test
    void authorizeWhenMaxAgeNotExceededThenCode() { // OIDC Core §3.1.2.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);
        flows.clock.advance(Duration.ofSeconds(300));

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(),
                valid("scope", "read", "max_age", "300"));

        code(step);
    }

    @Test
    void authorizeWhenSessionExpiredThenLogin() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        allow(signedIn);
        flows.clock.advance(Duration.ofHours(8));

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(), valid("scope", "read"));

        assertEquals(AuthorizationStep.Page.LOGIN, assertInstanceOf(AuthorizationStep.Interaction.class, step).page());
    }
}
