package dev.portcullis.oauth.application.authorization;

import static dev.portcullis.oauth.application.authorization.TestFlows.CHALLENGE;
import static dev.portcullis.oauth.application.authorization.TestFlows.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.domain.authorization.ResponseMode;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizeTest {

    private static final String REDIRECT = TestClients.REDIRECT_URI.toString();

    private final TestFlows flows = new TestFlows();

    private static void assertPage(AuthorizationStep step, StandardErrorCode code, String description) {
        assertEquals(new AuthorizationStep.ErrorPage(new OAuthError(code, description)), step);
    }

    private static void assertRedirectError(AuthorizationStep step, StandardErrorCode code, String description) {
        assertRedirectError(step, ResponseMode.QUERY, code, description);
    }

    private static void assertRedirectError(AuthorizationStep step, ResponseMode mode, StandardErrorCode code,
                                            String description) {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("error", code.value());
        expected.put("error_description", description);
        expected.put("state", "xyz");
        expected.put("iss", "https://as.example.com");
        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, step);
        assertEquals(TestClients.REDIRECT_URI, redirect.redirectUri());
        assertEquals(mode, redirect.responseMode());
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(redirect.parameters().entrySet()));
    }

    @Test
    void authorizeWhenClientIdMissingThenErrorPage() { // RFC 6749 §4.1.2.1
        AuthorizationStep step = flows.authorize("redirect_uri", REDIRECT, "response_type", "code");

        assertPage(step, StandardErrorCode.INVALID_REQUEST, "The client_id parameter is missing.");
    }

    @Test
    void authorizeWhenClientIdRepeatedThenErrorPage() { // RFC 6749 §3.1
        AuthorizationStep step = flows.authorize(valid("client_id", "public-client"));

        assertPage(step, StandardErrorCode.INVALID_REQUEST, "The client_id parameter is repeated.");
    }

    @Test
    void authorizeWhenClientUnknownThenErrorPage() { // RFC 6749 §4.1.2.1
        AuthorizationStep step = flows.authorize("client_id", "nobody", "redirect_uri", REDIRECT, "response_type", "code");

        assertPage(step, StandardErrorCode.INVALID_CLIENT, "The client is not known.");
    }

    @Test
    void authorizeWhenRedirectUriMissingThenErrorPage() { // OAuth 2.1 §4.1.1
        AuthorizationStep step = flows.authorize("client_id", "confidential-client", "response_type", "code");

        assertPage(step, StandardErrorCode.INVALID_REQUEST, "The redirect_uri parameter is missing.");
    }

    @Test
    void authorizeWhenRedirectUriRepeatedThenErrorPage() { // RFC 6749 §3.1
        AuthorizationStep step = flows.authorize(valid("redirect_uri", REDIRECT));

        assertPage(step, StandardErrorCode.INVALID_REQUEST, "The redirect_uri parameter is repeated.");
    }

    @Test
    void authorizeWhenRedirectUriNotRegisteredThenErrorPageNeverRedirect() { // RFC 9700 §4.1.3
        AuthorizationStep step = flows.authorize("client_id", "confidential-client",
                "redirect_uri", "https://client.example.com/callback/other", "response_type", "code");

        assertPage(step, StandardErrorCode.INVALID_REQUEST,
                "The redirect_uri does not match a URI registered for the client.");
    }

    @Test
    void authorizeWhenResponseTypeMissingThenRedirectInvalidRequest() { // RFC 6749 §4.1.2.1
        AuthorizationStep step = flows.authorize("client_id", "confidential-client", "redirect_uri", REDIRECT,
                "state", "xyz");

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The response_type parameter is missing.");
    }

    @Test
    void authorizeWhenResponseTypeTokenThenUnsupportedResponseType() { // OAuth 2.1 §4.1.1
        AuthorizationStep step = flows.authorize("client_id", "confidential-client", "redirect_uri", REDIRECT,
                "state", "xyz", "response_type", "token");

        assertRedirectError(step, StandardErrorCode.UNSUPPORTED_RESPONSE_TYPE, "The response_type must be code.");
    }

    @Test
    void authorizeWhenStateRepeatedThenRedirectWithoutState() { // RFC 6749 §3.1
        AuthorizationStep step = flows.authorize(valid("state", "other"));

        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, step);
        assertEquals(Map.of("error", "invalid_request", "error_description", "The state parameter is repeated.",
                "iss", "https://as.example.com"), redirect.parameters());
    }

    @Test
    void authorizeWhenScopeRepeatedThenRedirectInvalidRequest() { // RFC 6749 §3.1
        AuthorizationStep step = flows.authorize(valid("scope", "read", "scope", "openid"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The scope parameter is repeated.");
    }

    @Test
    void authorizeWhenResponseModeUnknownThenQueryRedirectInvalidRequest() { // OAuth 2.0 Multiple Response Types §2
        AuthorizationStep step = flows.authorize(valid("response_mode", "web_message"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The response_mode parameter is not supported.");
    }

    @Test
    void authorizeWhenFragmentModeAndErrorThenFragmentRedirect() { // OAuth 2.0 Multiple Response Types §2.1
        AuthorizationStep step = flows.authorize(valid("response_mode", "fragment", "scope", "admin"));

        assertRedirectError(step, ResponseMode.FRAGMENT, StandardErrorCode.INVALID_SCOPE,
                "The requested scope exceeds the scope registered for the client.");
    }

    @Test
    void authorizeWhenFormPostModeAndErrorThenFormPostRedirect() { // OAuth 2.0 Form Post Response Mode §2
        AuthorizationStep step = flows.authorize(valid("response_mode", "form_post", "prompt", "sometimes"));

        assertRedirectError(step, ResponseMode.FORM_POST, StandardErrorCode.INVALID_REQUEST,
                "The prompt parameter has an unsupported value.");
    }

    @Test
    void authorizeWhenClientMayNotUseCodeGrantThenUnauthorizedClient() { // RFC 6749 §4.1.2.1
        flows.client(TestClients.confidential("cc-only").grantTypes(
                dev.portcullis.oauth.domain.grant.GrantType.CLIENT_CREDENTIALS));

        AuthorizationStep step = flows.authorize("client_id", "cc-only", "redirect_uri", REDIRECT,
                "response_type", "code", "state", "xyz");

        assertRedirectError(step, StandardErrorCode.UNAUTHORIZED_CLIENT,
                "The client is not allowed to use the authorization code grant.");
    }

    @Test
    void authorizeWhenRequestObjectThenRequestNotSupported() { // OIDC Core §6
        AuthorizationStep step = flows.authorize(valid("request", "eyJhbGciOiJub25lIn0.e30."));

        assertRedirectError(step, StandardErrorCode.REQUEST_NOT_SUPPORTED, "The request parameter is not supported.");
    }

    @Test
    void authorizeWhenRequestUriThenRequestUriNotSupported() { // OIDC Core §6
        AuthorizationStep step = flows.authorize(valid("request_uri", "https://client.example.com/r"));

        assertRedirectError(step, StandardErrorCode.REQUEST_URI_NOT_SUPPORTED,
                "The request_uri parameter is not supported.");
    }

    @Test
    void authorizeWhenScopeMalformedThenInvalidScope() { // RFC 6749 §3.3
        AuthorizationStep step = flows.authorize(valid("scope", "read  openid"));

        assertRedirectError(step, StandardErrorCode.INVALID_SCOPE, "The scope parameter is malformed.");
    }

    @Test
    void authorizeWhenPublicClientWithoutChallengeThenInvalidRequest() { // RFC 9700 §2.1.1
        AuthorizationStep step = flows.authorize("client_id", "public-client", "redirect_uri", REDIRECT,
                "response_type", "code", "state", "xyz");

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST,
                "The code_challenge parameter is required for public clients.");
    }

    @Test
    void authorizeWhenPublicClientWithS256ThenLoginPage() { // RFC 7636 §4.3
        AuthorizationStep step = flows.authorize("client_id", "public-client", "redirect_uri", REDIRECT,
                "response_type", "code", "code_challenge", CHALLENGE, "code_challenge_method", "S256");

        assertEquals(AuthorizationStep.Page.LOGIN, assertInstanceOf(AuthorizationStep.Interaction.class, step).page());
    }

    @Test
    void authorizeWhenConfidentialClientWithoutChallengeThenAccepted() { // OAuth 2.1 §4.1.1
        AuthorizationStep step = flows.authorize("client_id", "confidential-client", "redirect_uri", REDIRECT,
                "response_type", "code");

        assertInstanceOf(AuthorizationStep.Interaction.class, step);
    }

    @Test
    void authorizeWhenChallengeMethodAbsentThenTreatedAsPlainAndRefused() { // RFC 7636 §4.3, RFC 9700 §2.1.1
        AuthorizationStep step = flows.authorize("client_id", "public-client", "redirect_uri", REDIRECT,
                "response_type", "code", "state", "xyz", "code_challenge", CHALLENGE);

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The code_challenge_method must be S256.");
    }

    @Test
    void authorizeWhenPlainMethodThenRefused() { // RFC 9700 §2.1.1
        AuthorizationStep step = flows.authorize("client_id", "public-client", "redirect_uri", REDIRECT,
                "response_type", "code", "state", "xyz", "code_challenge", CHALLENGE, "code_challenge_method", "plain");

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The code_challenge_method must be S256.");
    }

    @Test
    void authorizeWhenPlainMethodAndClientAllowsPlainThenAccepted() { // RFC 7636 §4.2
        flows.client(TestClients.publicClient("plain-client").pkcePlainAllowed(true));

        AuthorizationStep step = flows.authorize("client_id", "plain-client", "redirect_uri", REDIRECT,
                "response_type", "code", "code_challenge", CHALLENGE, "code_challenge_method", "plain");

        assertInstanceOf(AuthorizationStep.Interaction.class, step);
    }

    @Test
    void authorizeWhenChallengeMethodUnknownThenInvalidRequest() { // RFC 7636 §4.4.1
        AuthorizationStep step = flows.authorize("client_id", "public-client", "redirect_uri", REDIRECT,
                "response_type", "code", "state", "xyz", "code_challenge", CHALLENGE, "code_challenge_method", "S512");

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The code_challenge_method parameter is not supported.");
    }

    @Test
    void authorizeWhenChallengeTooShortThenInvalidRequest() { // RFC 7636 §4.2
        AuthorizationStep step = flows.authorize("client_id", "public-client", "redirect_uri", REDIRECT,
                "response_type", "code", "state", "xyz", "code_challenge", "short", "code_challenge_method", "S256");

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The code_challenge parameter is malformed.");
    }

    @Test
    void authorizeWhenMethodWithoutChallengeThenInvalidRequest() { // RFC 7636 §4.3
        AuthorizationStep step = flows.authorize("client_id", "confidential-client", "redirect_uri", REDIRECT,
                "response_type", "code", "state", "xyz", "code_challenge_method", "S256");

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST,
                "The code_challenge_method parameter needs a code_challenge.");
    }

    @Test
    void authorizeWhenPromptNoneWithLoginThenInvalidRequest() { // OIDC Core §3.1.2.1
        AuthorizationStep step = flows.authorize(valid("prompt", "none login"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST,
                "The prompt value none must not be combined with other values.");
    }

    @Test
    void authorizeWhenMaxAgeNegativeThenInvalidRequest() { // OIDC Core §3.1.2.1
        AuthorizationStep step = flows.authorize(valid("max_age", "-1"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The max_age parameter must be a non-negative integer.");
    }

    @Test
    void authorizeWhenNonceTooLongThenInvalidRequest() {
        AuthorizationStep step = flows.authorize(valid("nonce", "n".repeat(513)));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The nonce parameter is too long.");
    }

    @Test
    void authorizeWhenNoSessionThenLoginInteractionWithPendingRequest() { // OIDC Core §3.1.2.3
        AuthorizationStep step = flows.authorize(valid("scope", "read", "nonce", "n-1", "login_hint", "alice"));

        AuthorizationStep.Interaction login = assertInstanceOf(AuthorizationStep.Interaction.class, step);
        assertEquals(AuthorizationStep.Page.LOGIN, login.page());
        assertTrue(login.requestId().length() >= 43, "at least 256 bits");
        PendingAuthorization stored = flows.flow.activePending(login.requestId()).orElseThrow();
        assertEquals(TestFlows.NOW.plus(AuthorizationFlow.PENDING_LIFETIME), stored.expiresAt());
        assertEquals(java.util.Optional.of("alice"), stored.request().loginHint());
        assertEquals(java.util.Optional.of("n-1"), stored.request().nonce());
        assertEquals(URI.create(REDIRECT), stored.request().redirectUri());
    }

    @Test
    void authorizeWhenPromptNoneWithoutSessionThenLoginRequired() { // OIDC Core §3.1.2.6
        AuthorizationStep step = flows.authorize(valid("prompt", "none"));

        assertRedirectError(step, StandardErrorCode.LOGIN_REQUIRED, "The user must sign in.");
    }

    private PendingAuthorization pendingOf(AuthorizationStep step) {
        String requestId = assertInstanceOf(AuthorizationStep.Interaction.class, step).requestId();
        return flows.flow.activePending(requestId).orElseThrow();
    }

    @Test
    void authorizeWhenUiLocalesValidThenKeptInOrder() { // OIDC Core §3.1.2.1
        AuthorizationStep step = flows.authorize(valid("ui_locales", "fr-CA en de"));

        assertEquals(List.of("fr-CA", "en", "de"), pendingOf(step).request().uiLocales());
    }

    @Test
    void authorizeWhenUiLocalesHasInvalidTagsThenOnlyValidKept() { // OIDC Core §3.1.2.1
        AuthorizationStep step = flows.authorize(valid("ui_locales", "\"><script> fr_CA 123 en-a i-klingon  en-us"));

        assertEquals(List.of("en-US"), pendingOf(step).request().uiLocales());
    }

    @Test
    void authorizeWhenUiLocalesAllInvalidThenAcceptedWithoutLocales() { // OIDC Core §3.1.2.1: a preference
        AuthorizationStep step = flows.authorize(valid("ui_locales", "<b> 12-34"));

        assertEquals(List.of(), pendingOf(step).request().uiLocales());
    }

    @Test
    void authorizeWhenMoreThanFiveUiLocalesThenFirstFiveKept() {
        AuthorizationStep step = flows.authorize(valid("ui_locales", "fr en de es it nl pt"));

        assertEquals(List.of("fr", "en", "de", "es", "it"), pendingOf(step).request().uiLocales());
    }

    @Test
    void authorizeWhenUiLocalesLongerThan256ThenIgnored() {
        AuthorizationStep step = flows.authorize(valid("ui_locales", "fr " + "x".repeat(254)));

        assertEquals(List.of(), pendingOf(step).request().uiLocales());
    }

    @Test
    void authorizeWhenUiLocalesAbsentThenEmpty() {
        AuthorizationStep step = flows.authorize(valid());

        assertEquals(List.of(), pendingOf(step).request().uiLocales());
        assertEquals(List.of(), pendingOf(step).request().acrValues());
    }

    @Test
    void authorizeWhenAcrValuesWellFormedThenKept() { // OIDC Core §3.1.2.1
        AuthorizationStep step = flows.authorize(valid("acr_values", "urn:mace:incommon:iap:silver 1"));

        assertEquals(List.of("urn:mace:incommon:iap:silver", "1"), pendingOf(step).request().acrValues());
    }

    @Test
    void authorizeWhenAcrValuesHasQuoteThenRedirectInvalidRequest() { // OIDC Core §3.1.2.1
        AuthorizationStep step = flows.authorize(valid("acr_values", "\"gold\""));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The acr_values parameter is malformed.");
    }

    @Test
    void authorizeWhenAcrValuesHasControlCharacterThenRedirectInvalidRequest() {
        AuthorizationStep step = flows.authorize(valid("acr_values", "gold\nsilver"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The acr_values parameter is malformed.");
    }

    @Test
    void authorizeWhenAcrValuesHasDoubleSpaceThenRedirectInvalidRequest() {
        AuthorizationStep step = flows.authorize(valid("acr_values", "gold  silver"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The acr_values parameter is malformed.");
    }

    @Test
    void authorizeWhenMoreThanTenAcrValuesThenRedirectInvalidRequest() {
        AuthorizationStep step = flows.authorize(valid("acr_values", "a b c d e f g h i j k"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The acr_values parameter is malformed.");
    }

    @Test
    void authorizeWhenAcrValuesLongerThan512ThenRedirectInvalidRequest() {
        AuthorizationStep step = flows.authorize(valid("acr_values", "a".repeat(513)));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The acr_values parameter is malformed.");
    }

    @Test
    void authorizeWhenAcrValuesRepeatedThenRedirectInvalidRequest() { // RFC 6749 §3.1
        AuthorizationStep step = flows.authorize(valid("acr_values", "1", "acr_values", "2"));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The acr_values parameter is repeated.");
    }
}
