package dev.portcullis.oauth.application.authorization;

import static dev.portcullis.oauth.application.authorization.TestFlows.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.domain.authorization.Redemption;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.domain.resource.ResourceServer;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.TokenHash;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The RFC 8707 {@code resource} parameter at the authorization endpoint. */
class AuthorizeResourceTest {

    private static final String ORDERS = "https://api.example.com/orders";

    private final TestFlows flows = new TestFlows();

    AuthorizeResourceTest() {
        flows.resources.save(new ResourceServer(URI.create(ORDERS), ScopeSet.of("read"), Set.of()));
        flows.resources.save(new ResourceServer(URI.create("https://api.example.com/other"), ScopeSet.of("write"),
                Set.of()));
        flows.client(TestClients.confidential().firstParty(true));
    }

    private static void assertRedirectError(AuthorizationStep step, StandardErrorCode code, String description) {
        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, step);
        assertEquals(code.value(), redirect.parameters().get("error"));
        assertEquals(description, redirect.parameters().get("error_description"));
        assertEquals("xyz", redirect.parameters().get("state"));
    }

    @Test
    void authorizeWhenResourceUnknownThenInvalidTargetRedirect() { // RFC 8707 §2
        AuthorizationStep step = flows.authorize(valid("scope", "read", "resource", "https://api.example.com/unknown"));

        assertRedirectError(step, StandardErrorCode.INVALID_TARGET, "The resource is unknown.");
    }

    @Test
    void authorizeWhenResourceRelativeThenInvalidTargetRedirect() { // RFC 8707 §2
        AuthorizationStep step = flows.authorize(valid("scope", "read", "resource", "/orders"));

        assertRedirectError(step, StandardErrorCode.INVALID_TARGET,
                "The resource parameter must be an absolute URI without a fragment.");
    }

    @Test
    void authorizeWhenResourceHasFragmentThenInvalidTargetRedirect() { // RFC 8707 §2
        AuthorizationStep step = flows.authorize(valid("scope", "read", "resource", ORDERS + "#f"));

        assertRedirectError(step, StandardErrorCode.INVALID_TARGET,
                "The resource parameter must be an absolute URI without a fragment.");
    }

    @Test
    void authorizeWhenScopeDoesNotReachResourceThenInvalidTargetRedirect() { // RFC 8707 §2
        AuthorizationStep step = flows.authorize(valid("scope", "openid", "resource", ORDERS));

        assertRedirectError(step, StandardErrorCode.INVALID_TARGET,
                "The granted scope does not include any scope of the resource.");
    }

    @Test
    void authorizeWhenResourceRepeatedThenInvalidRequestRedirect() {
        AuthorizationStep step = flows.authorize(valid("scope", "read", "resource", ORDERS, "resource", ORDERS));

        assertRedirectError(step, StandardErrorCode.INVALID_REQUEST, "The resource parameter is repeated.");
    }

    @Test
    void signInWhenResourceValidThenCodeBoundToIt() { // RFC 8707 §2
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read", "resource", ORDERS));

        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, signedIn.next());
        assertEquals(List.of("code", "state", "iss"), List.copyOf(redirect.parameters().keySet()));
        Redemption.Redeemed redeemed = assertInstanceOf(Redemption.Redeemed.class,
                flows.codes.redeem(TokenHash.of(redirect.parameters().get("code")), TestFlows.NOW));
        assertEquals(Optional.of(URI.create(ORDERS)), redeemed.code().resource());
    }

    @Test
    void signInWhenNoResourceThenCodeUnbound() {
        AuthorizationStep.SignedIn signedIn = flows.signInThrough(valid("scope", "openid read"));

        AuthorizationStep.Redirect redirect = assertInstanceOf(AuthorizationStep.Redirect.class, signedIn.next());
        Redemption.Redeemed redeemed = assertInstanceOf(Redemption.Redeemed.class,
                flows.codes.redeem(TokenHash.of(redirect.parameters().get("code")), TestFlows.NOW));
        assertEquals(Optional.empty(), redeemed.code().resource());
    }
}
