package dev.portcullis.oauth.application.authorization;

import static dev.portcullis.oauth.application.authorization.TestFlows.FLOW;
import static dev.portcullis.oauth.application.authorization.TestFlows.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.domain.authorization.AuthorizationCode;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code claims} request parameter (OIDC Core §5.5) through the authorization flow. */
class ClaimsRequestFlowTest {

    private static final String CLAIMS = "{\"userinfo\": {\"birthdate\": null, \"email\": null},"
            + " \"id_token\": {\"email\": {\"essential\": true}}}";

    private final TestFlows flows = new TestFlows();

    private AuthorizationStep allow(AuthorizationStep.SignedIn signedIn) {
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();
        String cookie = signedIn.session().cookieValue();
        AuthorizationStep.ConsentPage page = (AuthorizationStep.ConsentPage) flows.giveConsent.page(consent.requestId(),
                cookie, FLOW);
        return flows.giveConsent.decide(new ConsentDecision(consent.requestId(), page.csrfToken(), true,
                Optional.of(cookie), Optional.of(FLOW)));
    }

    private AuthorizationCode storedCode(AuthorizationStep step) {
        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, step);
        return ((Redemption.Redeemed) flows.codes.redeem(TokenHash.of(redirect.parameters().get("code")),
                TestFlows.NOW)).code();
    }

    @Test
    void consentPageWhenClaimsBeyondTheScopesThenListsThem() { // OIDC Core §5.5
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read", "claims", CLAIMS));
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();

        AuthorizationStep.ConsentPage page = assertInstanceOf(AuthorizationStep.ConsentPage.class,
                flows.giveConsent.page(consent.requestId(), signedIn.session().cookieValue(), FLOW));

        assertEquals(List.of("birthdate", "email"), page.claims());
    }

    @Test
    void consentPageWhenScopeReleasesTheClaimsThenNoneListed() { // OIDC Core §5.4
        flows.client(TestClients.confidential().scopes(ScopeSet.of("openid", "email", "profile")));
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid email profile",
                "claims", CLAIMS));
        AuthorizationStep.Interaction consent = (AuthorizationStep.Interaction) signedIn.next();

        AuthorizationStep.ConsentPage page = assertInstanceOf(AuthorizationStep.ConsentPage.class,
                flows.giveConsent.page(consent.requestId(), signedIn.session().cookieValue(), FLOW));

        assertEquals(List.of(), page.claims());
    }

    @Test
    void decideWhenAllowedThenCodeCarriesTheClaimsRequest() { // OIDC Core §5.5
        AuthorizationCode code = storedCode(allow(flows.signInThrough(valid("scope", "openid read", "claims", CLAIMS))));

        assertEquals(Set.of("birthdate", "email"), code.claims().userinfo());
        assertEquals(Set.of("email"), code.claims().idToken());
    }

    @Test
    void authorizeWhenConsentRememberedButClaimsBeyondScopesThenConsentAskedAgain() { // not remembered one by one
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(),
                valid("scope", "openid read", "claims", CLAIMS));

        assertEquals(AuthorizationStep.Page.CONSENT, assertInstanceOf(AuthorizationStep.Interaction.class, step).page());
    }

    @Test
    void authorizeWhenPromptNoneAndClaimsNeedConsentThenConsentRequired() { // OIDC Core §3.1.2.6
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(),
                valid("scope", "openid read", "claims", CLAIMS, "prompt", "none"));

        assertEquals("consent_required",
                assertInstanceOf(AuthorizationStep.Redirect.class, step).parameters().get("error"));
    }

    @Test
    void authorizeWhenFirstPartyClientThenClaimsWithoutConsent() {
        flows.client(TestClients.confidential("first").firstParty(true));

        AuthorizationStep.SignedIn signedIn = flows.signInThrough("client_id", "first", "redirect_uri",
                TestClients.REDIRECT_URI.toString(), "response_type", "code", "state", "xyz", "scope", "openid",
                "claims", CLAIMS);

        assertEquals(Set.of("email"), storedCode(signedIn.next()).claims().idToken());
    }

    @Test
    void authorizeWhenSessionOfAnotherUserThanTheRequestedSubThenLogin() { // OIDC Core §5.5.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(), valid("scope",
                "openid read", "claims", "{\"id_token\": {\"sub\": {\"value\": \"someone-else\"}}}"));

        assertEquals(AuthorizationStep.Page.LOGIN, assertInstanceOf(AuthorizationStep.Interaction.class, step).page());
    }

    @Test
    void authorizeWhenSessionOfTheRequestedSubThenCode() { // OIDC Core §5.5.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read"));
        allow(signedIn);

        AuthorizationStep step = flows.authorizeWithCookie(signedIn.session().cookieValue(), valid("scope",
                "openid read", "claims", "{\"id_token\": {\"sub\": {\"value\": \"" + TestFlows.SUBJECT.value() + "\"}}}"));

        assertEquals(TestFlows.SUBJECT, storedCode(step).subject());
    }

    @Test
    void signInWhenAnotherUserThanTheRequestedSubThenAccessDeniedAndNoCode() { // OIDC Core §5.5.1
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read",
                "claims", "{\"id_token\": {\"sub\": {\"value\": \"someone-else\"}}}"));

        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, signedIn.next());
        assertEquals(Map.of("error", "access_denied", "error_description",
                "The user who signed in is not the one the claims request names.", "state", "xyz",
                "iss", "https://as.example.com"), redirect.parameters());
    }

    @Test
    void authorizeWhenClaimsMalformedThenRedirectInvalidRequest() { // OIDC Core §5.5
        AuthorizationStep step = flows.authorize(valid("scope", "openid", "claims", "{\"userinfo\": 1}"));

        assertEquals(Map.of("error", "invalid_request", "error_description", "The claims parameter is malformed.",
                "state", "xyz", "iss", "https://as.example.com"),
                assertInstanceOf(AuthorizationStep.Redirect.class, step).parameters());
    }

    @Test
    void authorizeWhenClaimsRepeatedThenRedirectInvalidRequest() { // RFC 6749 §3.1
        AuthorizationStep step = flows.authorize(valid("scope", "openid", "claims", "{}", "claims", "{}"));

        assertEquals("The claims parameter is repeated.",
                assertInstanceOf(AuthorizationStep.Redirect.class, step).parameters().get("error_description"));
    }
}
