package dev.portcullis.oauth.application.grant.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.grant.TestGrantContexts;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.error.OAuthError;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.AccessGrant;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientCredentialsGrantHandlerTest {

    private static final Client CONFIDENTIAL = TestClients.confidential().build();

    private final ClientCredentialsGrantHandler handler = new ClientCredentialsGrantHandler();

    @Test
    void grantTypeWhenReadThenClientCredentials() { // RFC 6749 §4.4.2
        GrantType type = handler.grantType();

        assertEquals(GrantType.CLIENT_CREDENTIALS, type);
    }

    @Test
    void parametersWhenReadThenNoneBesidesScope() { // RFC 6749 §4.4.2: grant_type and scope only
        assertTrue(handler.parameters().isEmpty());
    }

    @Test
    void handleWhenConfidentialClientThenTokenForClientItself() { // RFC 6749 §4.4, RFC 9068 §2.2: sub is the client
        TestGrantContexts.Recording context = TestGrantContexts.of(CONFIDENTIAL, "read");

        handler.handle(context);

        assertEquals(List.of(AccessGrant.forClient(new ClientId("confidential-client"), ScopeSet.of("read"))),
                context.minted());
    }

    @Test
    void handleWhenConfidentialClientThenNoRefreshToken() { // RFC 6749 §4.4.3
        TestGrantContexts.Recording context = TestGrantContexts.of(CONFIDENTIAL);

        TokenResponse response = handler.handle(context);

        assertEquals(Optional.empty(), response.refreshToken());
    }

    @Test
    void handleWhenScopeAbsentThenRegisteredScope() { // RFC 6749 §3.3: pre-defined default
        TestGrantContexts.Recording context = TestGrantContexts.of(CONFIDENTIAL);

        TokenResponse response = handler.handle(context);

        assertEquals(ScopeSet.of("openid", "read"), response.scope());
    }

    @Test
    void handleWhenScopeIsSubsetThenNarrowedToRequest() { // RFC 6749 §3.3
        TestGrantContexts.Recording context = TestGrantContexts.of(CONFIDENTIAL, "read");

        TokenResponse response = handler.handle(context);

        assertEquals(ScopeSet.of("read"), response.scope());
    }

    @Test
    void handleWhenScopeExceedsRegistrationThenInvalidScope() { // RFC 6749 §5.2: invalid_scope
        TestGrantContexts.Recording context = TestGrantContexts.of(CONFIDENTIAL, "read write");

        OAuthException thrown = assertThrows(OAuthException.class, () -> handler.handle(context));

        assertEquals(new OAuthError(StandardErrorCode.INVALID_SCOPE,
                "The requested scope exceeds the scope registered for the client."), thrown.error());
        assertTrue(context.minted().isEmpty());
    }

    @Test
    void handleWhenClientIsPublicThenUnauthorizedClient() { // RFC 6749 §4.4
        TestGrantContexts.Recording context = TestGrantContexts.of(TestClients.publicClient().build(), "read");

        OAuthException thrown = assertThrows(OAuthException.class, () -> handler.handle(context));

        assertEquals(new OAuthError(StandardErrorCode.UNAUTHORIZED_CLIENT,
                "The client_credentials grant needs a confidential client."), thrown.error());
        assertTrue(context.minted().isEmpty());
    }
}
