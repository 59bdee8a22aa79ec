package dev.portcullis.oauth.application.grant;

import static dev.portcullis.oauth.application.introspection.TokenManagementFixture.ORDERS;
import static dev.portcullis.oauth.application.introspection.TokenManagementFixture.PAYMENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.portcullis.oauth.application.introspection.TokenManagementFixture;
import dev.portcullis.oauth.application.token.JwtAccessTokens;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.token.TokenResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The RFC 8707 {@code resource} parameter at the token endpoint, for every grant. */
class ResourceParameterTest {

    private final TokenManagementFixture fixture = new TokenManagementFixture();

    private static void assertInvalidTarget(String description, Executable call) {
        OAuthException thrown = assertThrows(OAuthException.class, call);
        assertEquals(StandardErrorCode.INVALID_TARGET, thrown.error().code());
        assertEquals(description, thrown.error().description());
    }

    @Test
    void clientCredentialsWhenNoResourceThenAudIsEveryResourceOfTheGrantedScopes() { // RFC 9068 §3
        Map<String, Object> claims = TokenManagementFixture.claims(fixture.clientToken("billing"));

        assertEquals(List.of(ORDERS.toString(), PAYMENTS.toString()), claims.get("aud"));
    }

    @Test
    void clientCredentialsWhenScopeOfOneResourceThenAudIsThatResourceAsString() { // RFC 7519 §4.1.3
        Map<String, Object> claims = TokenManagementFixture.claims(fixture.clientToken("billing", "scope", "orders:read"));

        assertEquals(ORDERS.toString(), claims.get("aud"));
    }

    @Test
    void clientCredentialsWhenResourceThenAudNarrowedToIt() { // RFC 8707 §2
        TokenResponse token = fixture.clientToken("billing", "resource", PAYMENTS.toString());

        assertEquals(PAYMENTS.toString(), TokenManagementFixture.claims(token).get("aud"));
        assertEquals("orders:read payments:read", token.scope().toParameter());
    }

    @Test
    void clientCredentialsWhenEmptyResourceThenTreatedAsOmitted() { // RFC 6749 §3.1
        Map<String, Object> claims = TokenManagementFixture.claims(fixture.clientToken("billing", "resource", ""));

        assertEquals(List.of(ORDERS.toString(), PAYMENTS.toString()), claims.get("aud"));
    }

    @Test
    void clientCredentialsWhenUnknownResourceThenInvalidTarget() { // RFC 8707 §2
        assertInvalidTarget("The resource is unknown.",
                () -> fixture.clientToken("billing", "resource", "https://api.example.com/unknown"));
    }

    @Test
    void clientCredentialsWhenResourceNotReachedByScopeThenInvalidTarget() { // RFC 8707 §2
        assertInvalidTarget("The granted scope does not include any scope of the resource.",
                () -> fixture.clientToken("billing", "scope", "orders:read", "resource", PAYMENTS.toString()));
    }

    @Test
    void clientCredentialsWhenResourceRelativeThenInvalidTarget() { // RFC 8707 §2
        assertInvalidTarget("The resource parameter must be an absolute URI without a fragment.",
                () -> fixture.clientToken("billing", "resource", "orders"));
    }

    @Test
    void clientCredentialsWhenResourceHasFragmentThenInvalidTarget() { // RFC 8707 §2
        assertInvalidTarget("The resource parameter must be an absolute URI without a fragment.",
                () -> fixture.clientToken("billing", "resource", ORDERS + "#x"));
    }

    @Test
    void opaqueTokenWhenResourceThenStoredAudienceNarrowed() { // RFC 8707 §2
        TokenResponse token = fixture.clientToken("billing-opaque", "resource", ORDERS.toString());

        assertEquals(List.of(ORDERS.toString()), fixture.servers.opaqueAccessTokens()
                .findByHash(TokenHash.of(token.accessToken().value())).orElseThrow().audience());
    }

    @Test
    void userGrantWhenResourceThenAudNarrowedAndGrantIdClaimPresent() {
        TokenResponse tokens = fixture.userTokens("billing", "resource", ORDERS.toString());

        Map<String, Object> claims = TokenManagementFixture.claims(tokens);
        assertEquals(ORDERS.toString(), claims.get("aud"));
        assertTrue(claims.get(JwtAccessTokens.GRANT_ID_CLAIM) instanceof String);
    }

    @Test
    void refreshWhenResourceWithinTheGrantThenAudNarrowed() { // RFC 8707 §2.2
        TokenResponse tokens = fixture.userTokens("billing");

        TokenResponse refreshed = fixture.refresh("billing", tokens.refreshToken().orElseThrow().value(),
                "resource", PAYMENTS.toString());

        assertEquals(PAYMENTS.toString(), TokenManagementFixture.claims(refreshed).get("aud"));
    }

    @Test
    void refreshWhenResourceOutsideTheGrantThenInvalidTargetAndTokenNotUsedUp() { // RFC 8707 §2.2
        TokenResponse tokens = fixture.userTokens("billing", "scope", "orders:read");
        String refreshToken = tokens.refreshToken().orElseThrow().value();

        assertInvalidTarget("The granted scope does not include any scope of the resource.",
                () -> fixture.refresh("billing", refreshToken, "resource", PAYMENTS.toString()));

        TokenResponse refreshed = fixture.refresh("billing", refreshToken);
        assertEquals(ORDERS.toString(), TokenManagementFixture.claims(refreshed).get("aud"));
    }

    @Test
    void refreshWhenScopeNarrowedOutsideTheResourceThenInvalidTarget() { // RFC 8707 §2.2
        TokenResponse tokens = fixture.userTokens("billing");

        assertInvalidTarget("The granted scope does not include any scope of the resource.",
                () -> fixture.refresh("billing", tokens.refreshToken().orElseThrow().value(),
                        "scope", "orders:read", "resource", PAYMENTS.toString()));
    }

    @Test
    void refreshWhenUnknownResourceThenInvalidTargetAndTokenNotUsedUp() {
        TokenResponse tokens = fixture.userTokens("billing");
        String refreshToken = tokens.refreshToken().orElseThrow().value();

        assertInvalidTarget("The resource is unknown.",
                () -> fixture.refresh("billing", refreshToken, "resource", "https://other.example.com/"));

        assertTrue(fixture.introspect("billing", refreshToken).active());
    }
}
