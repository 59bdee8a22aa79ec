package dev.portcullis.oauth.adapters.rest.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.portcullis.oauth.adapters.rest.TestHttpServer;
import dev.portcullis.oauth.application.client.Pbkdf2SecretHasher;
import dev.portcullis.oauth.application.client.TestClients;
import dev.portcullis.oauth.application.key.MasterKey;
import dev.portcullis.oauth.application.memory.InMemoryClientRepository;
import dev.portcullis.oauth.application.memory.InMemoryConsentRepository;
import dev.portcullis.oauth.application.memory.InMemoryRefreshTokenRepository;
import dev.portcullis.oauth.application.memory.InMemoryScopeRepository;
import dev.portcullis.oauth.application.memory.InMemorySigningKeyRepository;
import dev.portcullis.oauth.application.server.AuthorizationServer;
import dev.portcullis.oauth.application.settings.ServerSettings;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.domain.consent.Consent;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import dev.portcullis.oauth.domain.token.RefreshToken;
import dev.portcullis.oauth.domain.token.TokenHash;
import dev.portcullis.oauth.domain.user.Subject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin REST API over real HTTP, on in-memory stores. */
class AdminEndpointIT {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final String ADMIN_SECRET = "admin-secret-0123456789";
    private static final String APP_SECRET = "app-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final InMemoryClientRepository clients = new InMemoryClientRepository();
    private static final InMemoryConsentRepository consents = new InMemoryConsentRepository();
    private static final InMemoryRefreshTokenRepository refreshTokens = new InMemoryRefreshTokenRepository();
    private static TestHttpServer server;

    @BeforeAll
    static void start() throws Exception {
        SecureRandom random = new SecureRandom();
        Pbkdf2SecretHasher hasher = new Pbkdf2SecretHasher(random, 1000);
        clients.save(TestClients.confidential("ops").grantTypes(GrantType.CLIENT_CREDENTIALS)
                .scopes(ScopeSet.of("admin")).secret(hasher.hash(new ClientSecret(ADMIN_SECRET))).build());
        clients.save(TestClients.confidential("app").grantTypes(GrantType.CLIENT_CREDENTIALS)
                .scopes(ScopeSet.of("read")).secret(hasher.hash(new ClientSecret(APP_SECRET))).build());
        AuthorizationServer core = AuthorizationServer.builder(ServerSettings.of(URI.create("https://as.example.com")))
                .clients(clients)
                .scopes(new InMemoryScopeRepository())
                .signingKeys(new InMemorySigningKeyRepository(), MasterKey.generate(random))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .random(random)
                .secretHasher(hasher)
                .refreshTokens(refreshTokens)
                .consents(consents)
                .enableGrant(GrantType.CLIENT_CREDENTIALS)
                .build();
        server = TestHttpServer.start(core);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String admin() {
        return TestHttpServer.basic("ops", ADMIN_SECRET);
    }

    private static HttpResponse<String> call(String method, String path, String body, String authorization) {
        HttpRequest.Builder request = server.request(path).header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return server.send(request.build());
    }

    private static HttpResponse<String> call(String method, String path, String body) {
        return call(method, path, body, admin());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> token(String clientId, String secret) {
        return server.postForm("/token", "grant_type=client_credentials",
                "Authorization", TestHttpServer.basic(clientId, secret));
    }

    @Test
    void callWhenNoCredentialsThen401WithBasicChallenge() throws Exception {
        HttpResponse<String> response = server.get("/admin/clients");

        assertEquals(401, response.statusCode());
        assertEquals("Basic realm=\"admin\"", response.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertEquals("invalid_client", json(response).get("error").asText());
    }

    @Test
    void callWhenWrongSecretThen401() {
        HttpResponse<String> response = call("GET", "/admin/clients", null, TestHttpServer.basic("ops", "wrong-secret-0000000"));

        assertEquals(401, response.statusCode());
    }

    @Test
    void callWhenClientIsNoAdminThen403InsufficientScope() throws Exception { // RFC 6750 §3.1
        HttpResponse<String> response = call("GET", "/admin/clients", null, TestHttpServer.basic("app", APP_SECRET));

        assertEquals(403, response.statusCode());
        assertEquals("insufficient_scope", json(response).get("error").asText());
    }

    @Test
    void clientLifecycleThroughTheApiIsSeenByTheTokenEndpointAtOnce() throws Exception {
        HttpResponse<String> created = call("POST", "/admin/clients", """
                {"client_id": "billing", "client_name": "Billing", "grant_types": ["client_credentials"],
                 "scope": "billing:read"}""");
        assertEquals(201, created.statusCode(), created.body());
        String secret = json(created).get("client_secret").asText();
        assertEquals(200, token("billing", secret).statusCode());

        HttpResponse<String> read = call("GET", "/admin/clients/billing", null);
        assertEquals("Billing", json(read).get("client_name").asText());
        assertFalse(read.body().contains(secret), "the secret is shown once only");
        assertEquals("no-store", read.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> rotated = call("POST", "/admin/clients/billing/secret", null);
        String newSecret = json(rotated).get("client_secret").asText();
        assertEquals(401, token("billing", secret).statusCode(), "the old secret stops working at once");
        assertEquals(200, token("billing", newSecret).statusCode());

        HttpResponse<String> replaced = call("PUT", "/admin/clients/billing", """
                {"client_name": "Billing v2", "grant_types": ["client_credentials"], "scope": "billing:read"}""");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals("Billing v2", json(replaced).get("client_name").asText());
        assertEquals(200, token("billing", newSecret).statusCode(), "replacing keeps the secret");

        assertEquals(204, call("DELETE", "/admin/clients/billing", null).statusCode());
        assertEquals(401, token("billing", newSecret).statusCode());
        assertEquals(404, call("GET", "/admin/clients/billing", null).statusCode());
    }

    @Test
    void createWhenClientIdTakenThen409() throws Exception {
        HttpResponse<String> response = call("POST", "/admin/clients", """
                {"client_id": "app", "grant_types": ["client_credentials"]}""");

        assertEquals(409, response.statusCode());
        assertEquals("already_exists", json(response).get("error").asText());
    }

    @Test
    void createWhenMetadataInvalidThen400InvalidClientMetadata() throws Exception { // RFC 7591 §3.2.2
        HttpResponse<String> response = call("POST", "/admin/clients", """
                {"client_id": "web", "grant_types": ["authorization_code"]}""");

        assertEquals(400, response.statusCode());
        assertEquals("invalid_client_metadata", json(response).get("error").asText());
    }

    @Test
    void createWhenRedirectUriRelativeThen400InvalidRedirectUri() throws Exception { // RFC 7591 §3.2.2
        HttpResponse<String> response = call("POST", "/admin/clients", """
                {"client_id": "web", "grant_types": ["authorization_code"], "redirect_uris": ["/cb"]}""");

        assertEquals(400, response.statusCode());
        assertEquals("invalid_redirect_uri", json(response).get("error").asText());
    }

    @Test
    void createWhenBodyNotJsonObjectThen400InvalidRequest() throws Exception {
        for (String body : new String[] {"not json", "[1, 2]", "", "null"}) {
            HttpResponse<String> response = call("POST", "/admin/clients", body);

            assertEquals(400, response.statusCode(), body);
            assertEquals("invalid_request", json(response).get("error").asText(), body);
        }
    }

    @Test
    void createWhenBodyOver64KiBThen413() {
        HttpResponse<String> response = call("POST", "/admin/clients",
                "{\"client_name\": \"" + "x".repeat(AdminResource.MAX_BODY_BYTES) + "\"}");

        assertEquals(413, response.statusCode());
    }

    @Test
    void unknownClientThen404() throws Exception {
        assertEquals(404, call("GET", "/admin/clients/nobody", null).statusCode());
        assertEquals(404, call("POST", "/admin/clients/nobody/secret", null).statusCode());
        assertEquals(404, call("DELETE", "/admin/clients/nobody", null).statusCode());
        assertEquals("not_found", json(call("PUT", "/admin/clients/nobody", "{}")).get("error").asText());
    }

    @Test
    void scopesPutListDelete() throws Exception {
        HttpResponse<String> created = call("PUT", "/admin/scopes/orders:read", "{\"description\": \"Read your orders\"}");
        assertEquals(201, created.statusCode(), created.body());
        assertEquals(200, call("PUT", "/admin/scopes/orders:read", "{\"description\": \"Read orders\"}").statusCode());

        JsonNode list = json(call("GET", "/admin/scopes", null));
        assertEquals("Read orders", list.get("scopes").get(0).get("description").asText());

        assertEquals(204, call("DELETE", "/admin/scopes/orders:read", null).statusCode());
        assertEquals(404, call("DELETE", "/admin/scopes/orders:read", null).statusCode());
        assertEquals(400, call("PUT", "/admin/scopes/bad%22scope", "{}").statusCode(), "RFC 6749 §3.3 scope-token");
    }

    @Test
    void consentsListAndRevokeRevokesThatClientsRefreshTokensOfTheUser() throws Exception {
        consents.save(new Consent(new Subject("carol"), new ClientId("app"), ScopeSet.of("read"), NOW));
        refreshTokens.save(new RefreshToken(TokenHash.of("carol-app"), "g-carol", new ClientId("app"),
                new Subject("carol"), ScopeSet.of("read"), NOW, NOW, NOW.plusSeconds(3600), false));

        JsonNode listed = json(call("GET", "/admin/users/carol/consents", null));
        HttpResponse<String> revoked = call("DELETE", "/admin/users/carol/consents/app", null);

        assertEquals("app", listed.get("consents").get(0).get("client_id").asText());
        assertEquals(1, json(revoked).get("grants_revoked").asInt());
        assertTrue(refreshTokens.findByHash(TokenHash.of("carol-app")).orElseThrow().revoked());
        assertEquals(404, call("DELETE", "/admin/users/carol/consents/app", null).statusCode());
    }

    @Test
    void revokeTokensOfUserAndOfClient() throws Exception {
        refreshTokens.save(new RefreshToken(TokenHash.of("dave-1"), "g-dave", new ClientId("app"),
                new Subject("dave"), ScopeSet.of("read"), NOW, NOW, NOW.plusSeconds(3600), false));
        refreshTokens.save(new RefreshToken(TokenHash.of("erin-1"), "g-erin", new ClientId("other"),
                new Subject("erin"), ScopeSet.of("read"), NOW, NOW, NOW.plusSeconds(3600), false));

        assertEquals(1, json(call("POST", "/admin/users/dave/revoke-tokens", null)).get("grants_revoked").asInt());
        assertEquals(1, json(call("POST", "/admin/clients/other/revoke-tokens", null)).get("grants_revoked").asInt());
        assertTrue(refreshTokens.findByHash(TokenHash.of("dave-1")).orElseThrow().revoked());
        assertTrue(refreshTokens.findByHash(TokenHash.of("erin-1")).orElseThrow().revoked());
    }

    @Test
    void keysListRotateAndImport() throws Exception { // issue #5: keys through the admin API
        JsonNode listed = json(call("GET", "/admin/keys", null));
        assertTrue(listed.toString().contains("\"state\":\"current\""), listed.toString());
        assertFalse(listed.toString().contains("\"d\""), "never a private key part");

        HttpResponse<String> rotated = call("POST", "/admin/keys/rotate", "{\"alg\": \"RS256\"}");
        assertEquals(200, rotated.statusCode(), rotated.body());
        assertTrue(List.of("rotated", "scheduled").contains(json(rotated).get("status").asText()), rotated.body());

        RSAKey imported = new RSAKeyGenerator(2048).keyID("migrated-1").generate();
        HttpResponse<String> created = call("POST", "/admin/keys/import", JSON.writeValueAsString(
                Map.of("alg", "RS256", "key", imported.toJSONString(), "state", "retired")));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("migrated-1", json(created).get("kid").asText());
        assertTrue(server.get("/jwks").body().contains("migrated-1"), "an imported retired key is published");

        HttpResponse<String> again = call("POST", "/admin/keys/import", JSON.writeValueAsString(
                Map.of("alg", "RS256", "key", imported.toJSONString(), "state", "retired")));
        assertEquals(400, again.statusCode(), "the kid exists");
    }

    @Test
    void keysWhenBadInputThen400WithoutEchoingTheKey() throws Exception {
        assertEquals(400, call("POST", "/admin/keys/rotate", "{\"alg\": \"none\"}").statusCode());
        assertEquals(400, call("POST", "/admin/keys/rotate", "{}").statusCode());
        HttpResponse<String> bad = call("POST", "/admin/keys/import",
                "{\"alg\": \"RS256\", \"key\": \"-----BEGIN PRIVATE KEY-----secretgarbage\"}");
        assertEquals(400, bad.statusCode());
        assertEquals("invalid_request", json(bad).get("error").asText());
        assertFalse(bad.body().contains("secretgarbage"), bad.body());
        assertEquals(400, call("POST", "/admin/keys/import",
                "{\"alg\": \"RS256\", \"key\": \"x\", \"state\": \"current\"}").statusCode());
    }
}
