package dev.portcullis.oauth.runtime.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5 admin API end to end: the real server on PostgreSQL, an admin client from the
 * configuration registers a partner client over HTTP, and a real OAuth client library (Nimbus)
 * obtains tokens with the secret it was given, until the secret is rotated and the client deleted.
 */
class AdminApiIT {

    private static final String ADMIN_SECRET = "ops-admin-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private static TestInstance instance;

    @BeforeAll
    static void start() {
        instance = TestInstance.onPostgres(dir, """
                grants: [client_credentials]
                scopes:
                  - name: partner:read
                    description: Read partner data
                  - name: admin
                    description: Manage this server
                clients:
                  - client_id: ops
                    client_name: Operations
                    client_secret: %s
                    grant_types: [client_credentials]
                    scope: admin
                """.formatted(ADMIN_SECRET));
    }

    @AfterAll
    static void stop() {
        if (instance != null) {
            instance.close();
        }
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString(("ops:" + ADMIN_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.issuer() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + basic)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static TokenResponse token(String clientId, String secret) throws Exception {
        return TokenResponse.parse(new TokenRequest.Builder(URI.create(instance.issuer() + "/token"),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)), new ClientCredentialsGrant())
                .scope(new Scope("partner:read")).build().toHTTPRequest().send());
    }

    @Test
    void partnerRegisteredThroughTheAdminApiGetsTokensUntilRotatedAndDeleted() throws Exception {
        HttpResponse<String> created = admin("POST", "/admin/clients", """
                {"client_id": "partner", "client_name": "Partner", "grant_types": ["client_credentials"],
                 "scope": "partner:read", "access_token_lifetime": 120}""");
        assertEquals(201, created.statusCode(), created.body());
        String secret = JSON.readTree(created.body()).get("client_secret").asText();

        TokenResponse first = token("partner", secret);
        assertTrue(first.indicatesSuccess(), () -> first.toErrorResponse().getErrorObject().toString());
        assertEquals(120, first.toSuccessResponse().getTokens().getAccessToken().getLifetime());

        JsonNode listed = JSON.readTree(admin("GET", "/admin/clients", null).body());
        List<String> ids = new ArrayList<>();
        listed.get("clients").forEach(client -> ids.add(client.get("client_id").asText()));
        assertTrue(ids.containsAll(List.of("ops", "partner")), ids::toString);
        assertFalse(listed.toString().contains(secret), "a listing never shows a secret");

        String rotated = JSON.readTree(admin("POST", "/admin/clients/partner/secret", null).body())
                .get("client_secret").asText();
        assertEquals("invalid_client", token("partner", secret).toErrorResponse().getErrorObject().getCode());
        assertTrue(token("partner", rotated).indicatesSuccess());

        assertEquals(204, admin("DELETE", "/admin/clients/partner", null).statusCode());
        assertEquals("invalid_client", token("partner", rotated).toErrorResponse().getErrorObject().getCode());
    }

    @Test
    void adminApiWhenCalledWithoutCredentialsThen401() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instance.issuer() + "/admin/clients"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", JSON.readTree(response.body()).get("error").asText());
    }
}
