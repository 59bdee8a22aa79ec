package dev.portcullis.oauth.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.oauth.domain.client.Client;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.client.ClientSecret;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import dev.portcullis.oauth.runtime.server.OfflineInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code clients create|list|show|delete|rotate-secret} against an H2 database in a temporary directory. */
class ClientsCommandIT {

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = CliRunner.h2(dir);
    }

    @Test
    void createWithFlagsThenSecretPrintedOnceAndTheStoredHashMatchesIt() {
        CliRunner.Result created = cli.run("clients", "create", "--client-id", "billing", "--name", "Billing",
                "--grant-type", "client_credentials", "--scope", "api:read", "--json");

        assertEquals(0, created.code(), created.toString());
        JsonNode json = created.json();
        assertEquals("billing", json.get("client_id").asText());
        assertEquals("Billing", json.get("client_name").asText());
        assertEquals("client_secret_basic", json.get("token_endpoint_auth_method").asText());
        String secret = json.get("client_secret").asText();
        assertTrue(secret.length() >= 32, secret);
        assertTrue(secretMatches("billing", secret));
        CliRunner.Result listed = cli.run("clients", "list");
        CliRunner.Result shown = cli.run("clients", "show", "billing");
        for (CliRunner.Result other : List.of(listed, shown, cli.run("clients", "list", "--json"),
                cli.run("clients", "show", "billing", "--json"))) {
            assertEquals(0, other.code(), other.toString());
            assertFalse(other.out().contains(secret) || other.err().contains(secret), other.toString());
        }
    }

    @Test
    void createWithMetadataJsonThenListAndShowParseBack() { // RFC 7591 §2 metadata
        CliRunner.Result created = cli.run("clients", "create", "--metadata",
                "{\"client_id\":\"web\",\"client_name\":\"Web\",\"grant_types\":[\"authorization_code\"],"
                        + "\"redirect_uris\":[\"https://app.example.com/cb\"],\"scope\":\"openid profile\"}");

        assertEquals(0, created.code(), created.toString());
        assertTrue(created.out().startsWith("Created client web."), created.out());
        assertTrue(created.out().contains("client_secret: "), created.out());
        JsonNode list = cli.run("clients", "list", "--json").json();
        List<String> ids = new ArrayList<>();
        list.get("clients").forEach(c -> ids.add(c.get("client_id").asText()));
        assertEquals(List.of("web"), ids);
        JsonNode shown = cli.run("clients", "show", "web", "--json").json();
        assertEquals("https://app.example.com/cb", shown.get("redirect_uris").get(0).asText());
        assertEquals("openid profile", shown.get("scope").asText());
        assertFalse(shown.has("client_secret"));
    }

    @Test
    void createWithMetadataFileAndFlagOverridesThenFlagsWin() throws Exception {
        Path file = Files.writeString(dir.resolve("client.json"),
                "{\"client_id\":\"cli-app\",\"client_name\":\"From file\",\"token_endpoint_auth_method\":\"none\","
                        + "\"grant_types\":[\"authorization_code\"],\"redirect_uris\":[\"http://127.0.0.1/callback\"]}");

        CliRunner.Result created = cli.run("clients", "create", "--metadata-file", file.toString(), "--name", "Flag",
                "--json");

        assertEquals(0, created.code(), created.toString());
        assertEquals("Flag", created.json().get("client_name").asText());
        assertEquals("none", created.json().get("token_endpoint_auth_method").asText());
        assertFalse(created.json().has("client_secret")); // a public client has none (RFC 7591 §2)
    }

    @Test
    void createWhenMetadataIsNotJsonThenExitOneWithoutEchoingIt() {
        CliRunner.Result result = cli.run("clients", "create", "--metadata", "{\"client_secret\":\"hunter2hunter2hunter2\"");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertEquals("--metadata: the metadata must be a JSON object.\n", result.err());
        assertFalse(result.err().contains("hunter2"));
    }

    @Test
    void createWhenMetadataInvalidThenExitOneWithTheOAuthError() { // RFC 7591 §3.2.2
        CliRunner.Result result = cli.run("clients", "create", "--grant-type", "bogus");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertTrue(result.err().startsWith("invalid_client_metadata: "), result.err());
        assertEquals("No clients.\n", cli.run("clients", "list").out());
    }

    @Test
    void createWhenBothMetadataOptionsThenExitOne() throws Exception {
        Path file = Files.writeString(dir.resolve("c.json"), "{}");

        CliRunner.Result result = cli.run("clients", "create", "--metadata", "{}", "--metadata-file", file.toString());

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
    }

    @Test
    void createWhenClientIdTakenThenExitThree() {
        cli.run("clients", "create", "--client-id", "dup", "--grant-type", "client_credentials");

        CliRunner.Result again = cli.run("clients", "create", "--client-id", "dup", "--grant-type", "client_credentials");

        assertEquals(ExitCode.NOT_FOUND_OR_CONFLICT, again.code(), again.toString());
        assertEquals("A client with client_id dup exists already.\n", again.err());
    }

    @Test
    void showWhenUnknownClientThenExitThree() {
        CliRunner.Result result = cli.run("clients", "show", "nobody", "--json");

        assertEquals(ExitCode.NOT_FOUND_OR_CONFLICT, result.code(), result.toString());
        assertEquals("No client with client_id nobody.\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void deleteThenShowAndDeleteAgainExitThree() {
        cli.run("clients", "create", "--client-id", "gone", "--grant-type", "client_credentials");

        CliRunner.Result deleted = cli.run("clients", "delete", "gone", "--json");

        assertEquals(0, deleted.code(), deleted.toString());
        assertEquals(Map.of("client_id", "gone", "deleted", true), Map.of("client_id", deleted.json().get("client_id").asText(),
                "deleted", deleted.json().get("deleted").asBoolean()));
        assertEquals(ExitCode.NOT_FOUND_OR_CONFLICT, cli.run("clients", "show", "gone").code());
        assertEquals(ExitCode.NOT_FOUND_OR_CONFLICT, cli.run("clients", "delete", "gone").code());
    }

    @Test
    void rotateSecretThenNewSecretPrintedOnceAndTheOldOneNoLongerMatches() {
        String old = cli.run("clients", "create", "--client-id", "svc", "--grant-type", "client_credentials", "--json")
                .json().get("client_secret").asText();

        CliRunner.Result rotated = cli.run("clients", "rotate-secret", "svc", "--json");

        assertEquals(0, rotated.code(), rotated.toString());
        String fresh = rotated.json().get("client_secret").asText();
        assertNotEquals(old, fresh);
        assertTrue(secretMatches("svc", fresh));
        assertFalse(secretMatches("svc", old));
    }

    @Test
    void rotateSecretWhenUnknownClientThenExitThree() {
        assertEquals(ExitCode.NOT_FOUND_OR_CONFLICT, cli.run("clients", "rotate-secret", "nobody").code());
    }

    @Test
    void rotateSecretWhenPublicClientThenExitThree() {
        cli.run("clients", "create", "--client-id", "spa", "--auth-method", "none", "--grant-type", "authorization_code",
                "--redirect-uri", "https://spa.example.com/cb");

        CliRunner.Result result = cli.run("clients", "rotate-secret", "spa");

        assertEquals(ExitCode.NOT_FOUND_OR_CONFLICT, result.code(), result.toString());
        assertEquals("Client spa does not authenticate with a secret.\n", result.err());
    }

    @Test
    void listWhenBadConfigurationThenExitTwoBeforeTouchingTheDatabase() {
        CliRunner.Result result = cli.and("PORTCULLIS_DB_POOL_SIZE", "-1").run("clients", "list");

        assertEquals(ExitCode.CONFIGURATION, result.code(), result.toString());
        assertTrue(result.err().startsWith("Configuration error: PORTCULLIS_DB_POOL_SIZE"), result.err());
    }

    private boolean secretMatches(String clientId, String secret) {
        try (OfflineInstance instance = OfflineInstance.open(
                new SettingsLoader(Map.of("PORTCULLIS_DATA_DIR", dir.resolve("data").toString())).load(), Clock.systemUTC())) {
            Client client = CommandContext.admin(instance).clients().find(new ClientId(clientId)).orElseThrow();
            return instance.core().secretHasher().matches(new ClientSecret(secret), client.secret().orElseThrow());
        }
    }
}
