package dev.portcullis.oauth.application.grant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.ClientCredentials;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.server.RecordingUnitOfWork;
import dev.portcullis.oauth.application.server.TestServers;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IssueTokenTest {

    private static final OAuthError INVALID_CLIENT =
            new OAuthError(StandardErrorCode.INVALID_CLIENT, "Client authentication failed.");
    private static final OAuthError UNSUPPORTED_GRANT_TYPE =
            new OAuthError(StandardErrorCode.UNSUPPORTED_GRANT_TYPE, "The grant_type is not supported.");
    private static final String CLIENT = "confidential-client";
    private static final String REFRESH_ONLY = "refresh-only-client";
    private static final String CUSTOM = "custom-grant-client";

    private final RecordingGrantHandler recording = new RecordingGrantHandler("otp");
    private IssueToken issueToken;

    @BeforeEach
    void buildServer() {
        issueToken = TestServers.withGrants(GrantType.CLIENT_CREDENTIALS)
                .grantHandler(recording)
                .client(TestClients.confidential(CLIENT))
                .client(TestClients.confidential(REFRESH_ONLY).grantTypes(GrantType.REFRESH_TOKEN))
                .client(TestClients.confidential(CUSTOM)
                        .grantTypes(Set.of(GrantType.CLIENT_CREDENTIALS, RecordingGrantHandler.GRANT_TYPE)))
                .build()
                .issueToken();
    }

    @Test
    void issueWhenGrantTypeMissingThenInvalidRequest() { // RFC 6749 §5.2: invalid_request
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.basic(CLIENT, "scope", "read")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The grant_type parameter is missing."),
                thrown.error());
    }

    @Test
    void issueWhenGrantTypeMissingAndNoCredentialsThenInvalidRequest() { // RFC 6749 §5.2: invalid_request
        OAuthException thrown = assertThrows(OAuthException.class, () -> issueToken.issue(TestServers.anonymous()));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The grant_type parameter is missing."),
                thrown.error());
    }

    @Test
    void issueWhenGrantTypeEmptyThenInvalidRequest() { // RFC 6749 §3.2: a parameter without value is omitted
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.basic(CLIENT, "grant_type", "")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_REQUEST, "The grant_type parameter is missing."),
                thrown.error());
    }

    @Test
    void issueWhenNoCredentialsThenInvalidClient() { // RFC 6749 §5.2: invalid_client
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.anonymous("grant_type", "client_credentials")));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void issueWhenGrantHandledThenHandlerRunsInsideOneUnitOfWork() { // DESIGN.md "Errors and bad input"
        RecordingUnitOfWork units = new RecordingUnitOfWork();
        ProbingGrantHandler probing = new ProbingGrantHandler(units);
        IssueToken probed = TestServers.empty()
                .grantHandler(probing)
                .client(TestClients.confidential(CUSTOM).grantTypes(Set.of(ProbingGrantHandler.GRANT_TYPE)))
                .unitOfWork(units)
                .build()
                .issueToken();

        probed.issue(TestServers.basic(CUSTOM, "grant_type", ProbingGrantHandler.GRANT_TYPE.value()));

        assertEquals(List.of(true), probing.insideUnit(), "the handler's writes hold together");
        assertEquals(1, units.units());
    }

    @Test
    void issueWhenRefusedBeforeTheHandlerThenNoUnitOfWork() { // client authentication needs no transaction
        RecordingUnitOfWork units = new RecordingUnitOfWork();
        IssueToken refusing = TestServers.withGrants(GrantType.CLIENT_CREDENTIALS)
                .client(TestClients.confidential(CLIENT))
                .unitOfWork(units)
                .build()
                .issueToken();

        assertThrows(OAuthException.class, () -> refusing.issue(TestServers.anonymous("grant_type", "client_credentials")));

        assertEquals(0, units.units());
    }

    @Test
    void issueWhenWrongSecretThenInvalidClient() { // RFC 6749 §5.2: invalid_client
        ClientCredentials wrong = new ClientCredentials.SecretBasic(new ClientId(CLIENT), new ClientSecret("wrong"));

        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.request(wrong, "grant_type", "client_credentials")));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void issueWhenUnknownGrantTypeAndNoCredentialsThenInvalidClientFirst() { // client authentication comes first
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.anonymous("grant_type", "password")));

        assertEquals(INVALID_CLIENT, thrown.error());
    }

    @Test
    void issueWhenGrantTypeUnknownThenUnsupportedGrantType() { // RFC 6749 §5.2: unsupported_grant_type
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.basic(CLIENT, "grant_type", "password")));

        assertEquals(UNSUPPORTED_GRANT_TYPE, thrown.error());
    }

    @Test
    void issueWhenGrantTypeIsUnregisteredUriThenUnsupportedGrantType() { // RFC 6749 §5.2: unsupported_grant_type
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.basic(CLIENT, "grant_type", "urn:example:grant:unknown")));

        assertEquals(UNSUPPORTED_GRANT_TYPE, thrown.error());
    }

    @Test
    void issueWhenBuiltInGrantNotEnabledThenUnsupportedGrantType() { // RFC 6749 §5.2: unsupported_grant_type
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.basic(REFRESH_ONLY, "grant_type", "refresh_token")));

        assertEquals(UNSUPPORTED_GRANT_TYPE, thrown.error());
    }

    @Test
    void issueWhenClientNotRegisteredForGrantThenUnauthorizedClient() { // RFC 6749 §5.2: unauthorized_client
        OAuthException thrown = assertThrows(OAuthException.class,
                () -> issueToken.issue(TestServers.basic(REFRESH_ONLY, "grant_type", "client_credentials")));

        assertEquals(new OAuthError(StandardErrorCode.UNAUTHORIZED_CLIENT,
                "The client is not allowed to use this grant_type."), thrown.error());
    }

    @Test
    void issueWhenClientNotRegisteredForGrantAndScopeMalformedThenUnauthorizedClientFirst() {
        OAuthException thrown = assertThrows(OAuthException.class, () -> issueToken.issue(
                TestServers.basic(REFRESH_ONLY, "grant_type", "client_credentials", "scope", "read  openid")));

        assertEquals(StandardErrorCode.UNAUTHORIZED_CLIENT, thrown.error().code());
    }

    @Test
    void issueWhenScopeMalformedThenInvalidScope() { // RFC 6749 §3.3 and §5.2: invalid_scope
        OAuthException thrown = assertThrows(OAuthException.class, () -> issueToken.issue(
                TestServers.basic(CLIENT, "grant_type", "client_credentials", "scope", "read  openid")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_SCOPE, "The scope parameter is malformed."),
                thrown.error());
    }

    @Test
    void issueWhenScopeHasQuoteThenInvalidScope() { // RFC 6749 §3.3: no %x22
        OAuthException thrown = assertThrows(OAuthException.class, () -> issueToken.issue(
                TestServers.basic(CLIENT, "grant_type", "client_credentials", "scope", "\"read\"")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_SCOPE, "The scope parameter is malformed."),
                thrown.error());
    }

    @Test
    void issueWhenScopeMalformedThenHandlerNotCalled() {
        ClientCredentials credentials = new ClientCredentials.SecretBasic(new ClientId(CUSTOM), TestServers.SECRET);

        assertThrows(OAuthException.class, () -> issueToken.issue(TestServers.request(credentials,
                "grant_type", RecordingGrantHandler.GRANT_TYPE.value(), "scope", " read")));

        assertTrue(recording.contexts().isEmpty());
    }

    @Test
    void issueWhenUndeclaredParametersSentThenHandlerSeesOnlyDeclaredOnes() { // RFC 6749 §3.2: ignore unknown
        issueToken.issue(TestServers.basic(CUSTOM, "grant_type", RecordingGrantHandler.GRANT_TYPE.value(),
                "otp", "123456", "client_id", CUSTOM, "client_secret", "leaked", "password", "hunter2",
                "scope", "read"));

        TokenRequest seen = recording.contexts().get(0).request();
        assertEquals(Map.of("otp", "123456"), seen.parameters());
        assertEquals(Optional.of(ScopeSet.of("read")), seen.scope());
        assertEquals(RecordingGrantHandler.GRANT_TYPE, seen.grantType());
    }

    @Test
    void issueWhenCustomGrantThenHandlerGetsAuthenticatedClient() {
        issueToken.issue(TestServers.basic(CUSTOM, "grant_type", RecordingGrantHandler.GRANT_TYPE.value()));

        GrantContext context = recording.contexts().get(0);
        assertEquals(new ClientId(CUSTOM), context.client().registration().id());
    }

    @Test
    void issueWhenClientCredentialsThenBearerTokenWithoutRefreshToken() { // RFC 6749 §4.4.3
        TokenResponse response = issueToken.issue(TestServers.basic(CLIENT, "grant_type", "client_credentials"));

        assertEquals("Bearer", response.tokenType());
        assertEquals(Duration.ofMinutes(5), response.expiresIn());
        assertEquals(Optional.empty(), response.refreshToken());
    }

    @Test
    void issueWhenNoScopeRequestedThenRegisteredScopeGranted() { // RFC 6749 §3.3: pre-defined default
        TokenResponse response = issueToken.issue(TestServers.basic(CLIENT, "grant_type", "client_credentials"));

        assertEquals(ScopeSet.of("openid", "read"), response.scope());
    }

    @Test
    void issueWhenScopeExceedsRegistrationThenInvalidScope() { // RFC 6749 §5.2: invalid_scope
        OAuthException thrown = assertThrows(OAuthException.class, () -> issueToken.issue(
                TestServers.basic(CLIENT, "grant_type", "client_credentials", "scope", "read admin")));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_SCOPE,
                "The requested scope exceeds the scope registered for the client."), thrown.error());
    }

    @Test
    void issueWhenScopeSentWithoutValueThenTreatedAsOmitted() { // RFC 6749 §3.1
        TokenResponse response = issueToken.issue(TestServers.basic(CLIENT, "grant_type", "client_credentials", "scope", ""));

        assertEquals(TestClients.confidential(CLIENT).build().scopes(), response.scope());
    }

    @Test
    void issueWhenDeclaredParameterSentWithoutValueThenHandlerDoesNotSeeIt() { // RFC 6749 §3.1
        issueToken.issue(TestServers.basic(CUSTOM, "grant_type", RecordingGrantHandler.GRANT_TYPE.value(), "otp", ""));

        assertEquals(Map.of(), recording.contexts().get(0).request().parameters());
    }

    @Test
    void issueWhenHandlerDeclaresClientSecretThenItNeverReachesTheHandler() { // RFC 6749 §2.3.1
        RecordingGrantHandler greedy = new RecordingGrantHandler(new GrantType("urn:example:grant:greedy"), "client_secret");
        IssueToken withGreedy = TestServers.withGrants()
                .grantHandler(greedy)
                .client(TestClients.confidential(CUSTOM).grantTypes(greedy.grantType()))
                .build()
                .issueToken();

        withGreedy.issue(TestServers.basic(CUSTOM, "grant_type", "urn:example:grant:greedy", "client_secret", "x"));

        assertEquals(Map.of(), greedy.contexts().get(0).request().parameters());
    }

    /** A custom grant that records, for each request, whether it runs inside a unit of work. */
    private static final class ProbingGrantHandler implements GrantHandler {

        static final GrantType GRANT_TYPE = new GrantType("urn:example:params:grant-type:probing");

        private final RecordingUnitOfWork units;
        private final List<Boolean> insideUnit = new ArrayList<>();

        ProbingGrantHandler(RecordingUnitOfWork units) {
            this.units = units;
        }

        @Override
        public GrantType grantType() {
            return GRANT_TYPE;
        }

        @Override
        public Set<String> parameters() {
            return Set.of();
        }

        @Override
        public TokenResponse handle(GrantContext context) {
            insideUnit.add(units.isOpen());
            return context.tokens().accessTokenOnly(AccessGrant.forClient(context.client().registration().id(),
                    ScopeSet.EMPTY).via(GRANT_TYPE));
        }

        List<Boolean> insideUnit() {
            return insideUnit;
        }
    }
}
