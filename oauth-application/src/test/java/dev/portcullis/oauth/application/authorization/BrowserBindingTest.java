package dev.portcullis.oauth.application.authorization;

import static dev.portcullis.oauth.application.authorization.TestFlows.FLOW;
import static dev.portcullis.oauth.application.authorization.TestFlows.PASSWORD;
import static dev.portcullis.oauth.application.authorization.TestFlows.USERNAME;
import static dev.portcullis.oauth.application.authorization.TestFlows.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A pending request answers only the browser that started it (RFC 9700 §4.4.1.8, login CSRF): an
 * attacker who starts a request and makes a victim's browser post its id, its CSRF token and the
 * attacker's password gets nothing, and the request stays usable by its own browser.
 */
class BrowserBindingTest {

    private static final String OTHER_FLOW = "flow-cookie-of-another-browser";
    private static final String ADDRESS = "192.0.2.1";

    private final TestFlows flows = new TestFlows();

    private AuthorizationStep.Interaction startLogin() {
        return assertInstanceOf(AuthorizationStep.Interaction.class, flows.authorize(valid("scope", "read")));
    }

    private String csrf(String requestId) {
        return ((AuthorizationStep.LoginPage) flows.signIn.page(requestId, FLOW)).csrfToken();
    }

    private AuthorizationStep signIn(String requestId, Optional<String> flowCookie) {
        return flows.signIn.signIn(new LoginAttempt(requestId, csrf(requestId), flowCookie, USERNAME, PASSWORD,
                Optional.of(ADDRESS)));
    }

    private int sessionCount() {
        return flows.sessions.deleteExpired(Instant.MAX, Integer.MAX_VALUE);
    }

    @Test
    void authorizeWhenBrowserHasNoFlowCookieThenNewCookieAndRequestBoundToItsHash() { // RFC 9700 §4.4.1.8
        AuthorizationStep step = flows.authorizeInNewBrowser(valid());

        AuthorizationStep.FlowStarted started = assertInstanceOf(AuthorizationStep.FlowStarted.class, step);
        assertTrue(started.flowCookie().matches("[A-Za-z0-9_-]{43}"), "256 bits");
        AuthorizationStep.Interaction login = assertInstanceOf(AuthorizationStep.Interaction.class, started.next());
        assertEquals(AuthorizationStep.Page.LOGIN, login.page());
        assertEquals(TokenHash.of(started.flowCookie()),
                flows.flow.activePending(login.requestId()).orElseThrow().flowBindingHash());
        assertEquals("FlowStarted[redacted, " + login + "]", started.toString());
    }

    @Test
    void authorizeWhenBrowserSendsFlowCookieThenReusedAndNoNewCookie() {
        AuthorizationStep step = flows.authorize(valid());

        AuthorizationStep.Interaction login = assertInstanceOf(AuthorizationStep.Interaction.class, step);
        assertEquals(TokenHash.of(FLOW), flows.flow.activePending(login.requestId()).orElseThrow().flowBindingHash());
    }

    @Test
    void authorizeWhenFlowCookieNotOfIssuedShapeThenNewCookie() {
        AuthorizationStep step = flows.authorize.authorize(TestFlows.request(Optional.empty(), Optional.of("short"), valid()));

        AuthorizationStep.FlowStarted started = assertInstanceOf(AuthorizationStep.FlowStarted.class, step);
        assertNotEquals("short", started.flowCookie());
    }

    @Test
    void authorizeWhenSessionButConsentNeededThenConsentRequestBoundToBrowser() {
        String session = flows.signInThrough(valid("scope", "read")).session().cookieValue();

        AuthorizationStep step = flows.authorize.authorize(TestFlows.request(Optional.of(session), Optional.empty(),
                valid("scope", "read")));

        AuthorizationStep.FlowStarted started = assertInstanceOf(AuthorizationStep.FlowStarted.class, step);
        AuthorizationStep.Interaction consent = assertInstanceOf(AuthorizationStep.Interaction.class, started.next());
        assertEquals(AuthorizationStep.Page.CONSENT, consent.page());
        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, flows.giveConsent.page(consent.requestId(), session, FLOW));
        assertInstanceOf(AuthorizationStep.ConsentPage.class,
                flows.giveConsent.page(consent.requestId(), session, started.flowCookie()));
    }

    @Test
    void authorizeWhenCodeAtOnceThenNoPendingRequestAndNoFlowCookie() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        flows.consents.save(new Consent(TestFlows.SUBJECT, new ClientId("confidential-client"), ScopeSet.of("read"),
                TestFlows.NOW));

        AuthorizationStep step = flows.authorize.authorize(TestFlows.request(Optional.of(signedIn.session().cookieValue()),
                Optional.empty(), valid("scope", "read")));

        assertInstanceOf(AuthorizationStep.Redirect.class, step);
    }

    @Test
    void loginPageWhenFlowCookieMissingThenBrowserMismatch() { // RFC 9700 §4.4.1.8
        AuthorizationStep.Interaction login = startLogin();

        AuthorizationStep step = flows.signIn.page(login.requestId(), "");

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, step);
    }

    @Test
    void loginPageWhenAnotherBrowsersFlowCookieThenBrowserMismatch() { // RFC 9700 §4.4.1.8
        AuthorizationStep.Interaction login = startLogin();

        AuthorizationStep step = flows.signIn.page(login.requestId(), OTHER_FLOW);

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, step);
    }

    @Test
    void signInWhenRequestIdAndCsrfTokenButNoFlowCookieThenRefusedAndNoSession() { // RFC 9700 §4.4.1.8
        AuthorizationStep.Interaction attackersRequest = startLogin();

        AuthorizationStep step = signIn(attackersRequest.requestId(), Optional.empty());

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, step);
        assertEquals(0, sessionCount());
    }

    @Test
    void signInWhenAnotherBrowsersFlowCookieThenRefusedAndRequestStillUsableByItsBrowser() { // RFC 9700 §4.4.1.8
        AuthorizationStep.Interaction login = startLogin();

        AuthorizationStep refused = signIn(login.requestId(), Optional.of(OTHER_FLOW));

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, refused);
        assertTrue(flows.flow.activePending(login.requestId()).orElseThrow().authentication().isEmpty());
        assertInstanceOf(AuthorizationStep.SignedIn.class, signIn(login.requestId(), Optional.of(FLOW)));
    }

    @Test
    void signInWhenFlowCookieMissingAndCsrfTokenWrongThenBrowserMismatch() {
        AuthorizationStep.Interaction login = startLogin();

        AuthorizationStep step = flows.signIn.signIn(new LoginAttempt(login.requestId(), "forged", Optional.empty(),
                USERNAME, PASSWORD, Optional.empty()));

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, step);
    }

    @Test
    void consentPageWhenSessionRightButFlowCookieMissingThenBrowserMismatch() { // RFC 9700 §4.4.1.8
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();

        AuthorizationStep step = flows.giveConsent.page(consent.requestId(), signedIn.session().cookieValue(), "");

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, step);
    }

    @Test
    void decideWhenAnotherBrowsersFlowCookieThenRefusedAndRequestStillUsableByItsBrowser() { // RFC 9700 §4.4.1.8
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        String requestId = ((AuthorizationStep.Interaction) signedIn.next()).requestId();
        String session = signedIn.session().cookieValue();
        String csrf = ((AuthorizationStep.ConsentPage) flows.giveConsent.page(requestId, session, FLOW)).csrfToken();

        AuthorizationStep refused = flows.giveConsent.decide(new ConsentDecision(requestId, csrf, true,
                Optional.of(session), Optional.of(OTHER_FLOW)));

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, refused);
        assertEquals(Optional.empty(), flows.consents.find(TestFlows.SUBJECT, new ClientId("confidential-client")));
        AuthorizationStep allowed = flows.giveConsent.decide(new ConsentDecision(requestId, csrf, true,
                Optional.of(session), Optional.of(FLOW)));
        assertInstanceOf(AuthorizationStep.Redirect.class, allowed);
        assertTrue(((AuthorizationStep.Redirect) allowed).parameters().containsKey("code"));
    }

    @Test
    void decideWhenFlowCookieMissingThenRefused() { // RFC 9700 §4.4.1.8
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "read"));
        String requestId = ((AuthorizationStep.Interaction) signedIn.next()).requestId();
        String session = signedIn.session().cookieValue();
        String csrf = ((AuthorizationStep.ConsentPage) flows.giveConsent.page(requestId, session, FLOW)).csrfToken();

        AuthorizationStep step = flows.giveConsent.decide(new ConsentDecision(requestId, csrf, true,
                Optional.of(session), Optional.empty()));

        assertInstanceOf(AuthorizationStep.BrowserMismatch.class, step);
        assertTrue(flows.flow.activePending(requestId).isPresent());
    }
}
