package dev.portcullis.oauth.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portcullis.oauth.runtime.server.TestDatabases;
import dev.portcullis.oauth.runtime.server.TestInstance;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands against PostgreSQL, configured as production: migrate, then clients and keys. */
class PostgresCommandsIT {

    @TempDir
    Path dir;

    private String url;
    private CliRunner cli;

    @BeforeEach
    void setUp() {
        url = TestDatabases.createPostgres();
        cli = CliRunner.with(Map.of("PORTCULLIS_MODE", "production", "PORTCULLIS_ISSUER", "https://id.example.com",
                "PORTCULLIS_DB_URL", url, "PORTCULLIS_DB_USER", TestDatabases.user(),
                "PORTCULLIS_MASTER_KEY", TestInstance.MASTER_KEY, "PORTCULLIS_DATA_DIR", dir.resolve("data").toString()));
    }

    @AfterEach
    void tearDown() {
        TestDatabases.dropPostgres(url);
    }

    @Test
    void migrateThenClientsAndKeysRoundTrip() {
        CliRunner.Result checked = cli.run("config", "check", "--json");
        assertEquals(0, checked.code(), checked.toString());
        assertEquals("postgresql", checked.json().get("database").asText());
        assertEquals(0, cli.run("migrate").code());

        CliRunner.Result created = cli.run("clients", "create", "--metadata",
                "{\"client_id\":\"reports\",\"grant_types\":[\"client_credentials\"],\"scope\":\"reports:read\"}", "--json");

        assertEquals(0, created.code(), created.toString());
        assertTrue(created.json().get("client_secret").asText().length() >= 32);
        JsonNode list = cli.run("clients", "list", "--json").json();
        assertEquals(1, list.get("clients").size());
        assertEquals("reports", list.get("clients").get(0).get("client_id").asText());
        assertEquals("reports:read", cli.run("clients", "show", "reports", "--json").json().get("scope").asText());
        assertEquals(0, cli.run("clients", "rotate-secret", "reports").code());
        assertEquals(0, cli.run("clients", "delete", "reports").code());
        assertEquals(ExitCode.NOT_FOUND_OR_CONFLICT, cli.run("clients", "show", "reports").code());
        JsonNode keys = cli.run("keys", "list", "--json").json();
        assertEquals("current", keys.get("keys").get(0).get("state").asText());
        assertEquals("scheduled", cli.run("keys", "rotate", "--alg", "RS256", "--json").json().get("status").asText());
    }
}
