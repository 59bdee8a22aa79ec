package dev.portcullis.oauth.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config check} and the usage errors of the command tree: nothing here opens a database. */
class ConfigCheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void checkWhenConfigurationValidThenExitZeroAndJsonSummary() throws Exception {
        Path config = Files.writeString(dir.resolve("ok.yaml"), "issuer: https://id.example.com\n");

        CliRunner.Result result = CliRunner.h2(dir).run("config", "check", "--config", config.toString(), "--json");

        assertEquals(0, result.code(), result.toString());
        JsonNode json = result.json();
        assertTrue(json.get("valid").asBoolean());
        assertEquals("https://id.example.com", json.get("issuer").asText());
        assertEquals("development", json.get("mode").asText());
        assertEquals("h2", json.get("database").asText());
    }

    @Test
    void checkWhenCryptoProviderJdkThenSummaryNamesIt() {
        CliRunner.Result result = CliRunner.h2(dir).and("PORTCULLIS_CRYPTO_PROVIDER", "jdk").run("config", "check", "--json");

        assertEquals(0, result.code(), result.toString());
        assertEquals("jdk", result.json().get("crypto_provider").asText());
    }

    @Test
    void checkWhenCryptoProviderUnknownThenExitTwoNamingTheKey() {
        CliRunner.Result result = CliRunner.h2(dir).and("PORTCULLIS_CRYPTO_PROVIDER", "fast").run("config", "check");

        assertEquals(ExitCode.CONFIGURATION, result.code(), result.toString());
        assertEquals("Configuration error: PORTCULLIS_CRYPTO_PROVIDER: must be auto, jdk or native\n", result.err());
    }

    @Test
    void checkWhenFileHasUnknownKeyThenExitTwoNamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "http:\n  prot: 1\n");

        CliRunner.Result result = CliRunner.h2(dir).run("config", "check", "--config", config.toString());

        assertEquals(ExitCode.CONFIGURATION, result.code(), result.toString());
        assertEquals("Configuration error: http.prot: unknown key\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void checkWhenEnvironmentValueBadAndJsonThenErrorsNameTheKey() {
        CliRunner.Result result = CliRunner.h2(dir).and("PORTCULLIS_HTTP_PORT", "eighty").run("config", "check", "--json");

        assertEquals(ExitCode.CONFIGURATION, result.code(), result.toString());
        JsonNode json = result.json();
        assertEquals(false, json.get("valid").asBoolean());
        assertEquals("PORTCULLIS_HTTP_PORT", json.get("errors").get(0).get("key").asText());
        assertTrue(json.get("errors").get(0).get("message").asText().length() > 0);
    }

    @Test
    void checkWhenProductionWithoutMasterKeyThenExitTwo() {
        CliRunner.Result result = CliRunner.h2(dir).and("PORTCULLIS_MODE", "production")
                .and("PORTCULLIS_ISSUER", "https://id.example.com").run("config", "check");

        assertEquals(ExitCode.CONFIGURATION, result.code(), result.toString());
        assertTrue(result.err().startsWith("Configuration error: PORTCULLIS_"), result.err());
    }

    @Test
    void checkWhenConfigurationFileMissingThenExitTwo() {
        CliRunner.Result result = CliRunner.h2(dir).run("config", "check", "--config", dir.resolve("none.yaml").toString());

        assertEquals(ExitCode.CONFIGURATION, result.code(), result.toString());
    }

    @Test
    void unknownCommandThenExitOneWithUsageHint() {
        CliRunner.Result result = CliRunner.h2(dir).run("frobnicate");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertTrue(result.err().contains("frobnicate"), result.err());
    }

    @Test
    void unknownOptionThenExitOne() {
        CliRunner.Result result = CliRunner.h2(dir).run("config", "check", "--jsn");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertTrue(result.err().contains("--jsn"), result.err());
    }

    @Test
    void groupWithoutSubcommandThenExitOne() {
        CliRunner.Result result = CliRunner.h2(dir).run("clients");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
    }

    @Test
    void versionOfASubcommandThenTheServerVersion() {
        CliRunner.Result result = CliRunner.h2(dir).run("clients", "list", "--version");

        assertEquals(0, result.code(), result.toString());
        assertEquals("Portcullis 0.1.0\n", result.out());
    }

    @Test
    void helpOfEveryCommandThenExitZeroWithUsage() {
        String[][] commands = {{"--help"}, {"serve", "--help"}, {"migrate", "--help"}, {"clients", "--help"},
            {"clients", "create", "--help"}, {"clients", "list", "--help"}, {"clients", "show", "--help"},
            {"clients", "delete", "--help"}, {"clients", "rotate-secret", "--help"}, {"keys", "--help"},
            {"keys", "list", "--help"}, {"keys", "rotate", "--help"}, {"keys", "import", "--help"},
            {"config", "--help"}, {"config", "check", "--help"}};
        for (String[] command : commands) {
            CliRunner.Result result = CliRunner.h2(dir).run(command);

            assertEquals(0, result.code(), String.join(" ", command) + ": " + result);
            assertTrue(result.out().startsWith("Usage: portcullis"), String.join(" ", command) + ": " + result.out());
        }
        assertTrue(CliRunner.h2(dir).run("--help").out().contains("4   database unavailable"));
    }
}
