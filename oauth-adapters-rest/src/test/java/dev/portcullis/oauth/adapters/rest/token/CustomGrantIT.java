package dev.portcullis.oauth.adapters.rest.token;

import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertError;
import static dev.portcullis.oauth.adapters.rest.HttpAssertions.assertNoStore;
import static dev.portcullis.oauth.adapters.rest.TestAuthorizationServers.BASIC_CLIENT;
import static dev.portcullis.oauth.adapters.rest.TestAuthorizationServers.BASIC_SECRET;
import static dev.portcullis.oauth.adapters.rest.TestAuthorizationServers.POST_CLIENT;
import static dev.portcullis.oauth.adapters.rest.TestAuthorizationServers.POST_SECRET;
import static dev.portcullis.oauth.adapters.rest.TestHttpServer.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.portcullis.oauth.adapters.rest.CapturedLog;
import dev.portcullis.oauth.adapters.rest.ExampleGrantHandler;
import dev.portcullis.oauth.adapters.rest.TestAuthorizationServers;
import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import dev.portcullis.oauth.adapters.rest.error.ServiceUnavailableExceptionMapper;
import dev.portcullis.oauth.adapters.rest.error.UnexpectedExceptionMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A custom grant registered on the builder gets the same endpoint, client authentication and errors. */
class CustomGrantIT {

    private static final String GRANT = "grant_type=urn%3Aexample%3Agrant%3Atest";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestHttpServer server;

    private CapturedLog unexpected;
    private CapturedLog unavailable;

    @BeforeAll
    static void start() throws Exception {
        server = TestHttpServer.start(TestAuthorizationServers.create());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void captureLogs() {
        unexpected = CapturedLog.of(UnexpectedExceptionMapper.class);
        unavailable = CapturedLog.of(ServiceUnavailableExceptionMapper.class);
    }

    @AfterEach
    void releaseLogs() {
        unexpected.close();
        unavailable.close();
    }

    @Test
    void discoveryWhenCustomHandlerRegisteredThenGrantTypeAdvertised() throws Exception { // RFC 8414 §2
        HttpResponse<String> response = server.get("/.well-known/oauth-authorization-server");

        Map<?, ?> metadata = JSON.readValue(response.body(), Map.class);
        assertEquals(List.of("client_credentials", "urn:example:grant:test"), metadata.get("grant_types_supported"));
    }

    @Test
    void tokenWhenCustomGrantWithBasicThenAccessTokenForSubject() throws Exception { // RFC 6749 §4.5
        HttpResponse<String> response = server.postForm("/token", GRANT + "&subject=alice&scope=read",
                "Authorization", basic(BASIC_CLIENT, BASIC_SECRET));

        assertEquals(200, response.statusCode(), response.body());
        assertNoStore(response);
        Map<?, ?> body = JSON.readValue(response.body(), Map.class);
        assertEquals("read", body.get("scope"));
        JWTClaimsSet claims = SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet();
        assertEquals("alice", claims.getSubject());
        assertEquals(BASIC_CLIENT, claims.getStringClaim("client_id"));
    }

    @Test
    void tokenWhenCustomGrantWithWrongSecretThen401() { // RFC 6749 §5.2
        HttpResponse<String> response = server.postForm("/token", GRANT + "&subject=alice",
                "Authorization", basic(BASIC_CLIENT, "wrong"));

        assertError(response, 401, "invalid_client", "Client authentication failed.");
        assertEquals(List.of("Basic realm=\"oauth\", error=\"invalid_client\""),
                response.headers().allValues("WWW-Authenticate"));
    }

    @Test
    void tokenWhenClientNotAllowedCustomGrantThenUnauthorizedClient() { // RFC 6749 §5.2
        HttpResponse<String> response = server.postForm("/token",
                GRANT + "&subject=alice&client_id=" + POST_CLIENT + "&client_secret=" + POST_SECRET);

        assertError(response, 400, "unauthorized_client", "The client is not allowed to use this grant_type.");
    }

    @Test
    void tokenWhenHandlerRefusesThenItsError() { // RFC 6749 §5.2
        HttpResponse<String> response = server.postForm("/token", GRANT, "Authorization", basic(BASIC_CLIENT, BASIC_SECRET));

        assertError(response, 400, "invalid_request", "The subject parameter is missing.");
    }

    @Test
    void tokenWhenHandlerThrowsUnexpectedlyThenServerErrorLoggedOnce() {
        HttpResponse<String> response = server.postForm("/token", GRANT + "&subject=" + ExampleGrantHandler.FAILING_SUBJECT,
                "Authorization", basic(BASIC_CLIENT, BASIC_SECRET));

        assertError(response, 500, "server_error", "The server encountered an unexpected error.");
        assertFalse(response.body().contains("simulated"));
        assertEquals(1, unexpected.events().size());
        ILoggingEvent event = unexpected.events().get(0);
        assertEquals(Level.ERROR, event.getLevel());
        assertEquals(IllegalStateException.class.getName(), event.getThrowableProxy().getClassName());
        assertEquals(response.headers().firstValue("X-Request-Id").orElseThrow(),
                event.getMDCPropertyMap().get("request_id"));
    }

    @Test
    void tokenWhenHandlerDependencyUnavailableThen503LoggedAtWarnWithoutStack() { // STYLE §6
        HttpResponse<String> response = server.postForm("/token",
                GRANT + "&subject=" + ExampleGrantHandler.UNAVAILABLE_SUBJECT, "Authorization", basic(BASIC_CLIENT, BASIC_SECRET));

        assertError(response, 503, "temporarily_unavailable", "The server is temporarily unable to handle the request.");
        assertEquals(1, unavailable.events().size());
        ILoggingEvent event = unavailable.events().get(0);
        assertEquals(Level.WARN, event.getLevel());
        assertEquals(null, event.getThrowableProxy());
        assertTrue(event.getFormattedMessage().contains("database unavailable"), event.getFormattedMessage());
        assertTrue(unexpected.events().isEmpty());
    }
}
