package dev.portcullis.oauth.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code keys list|rotate|import} against an H2 database in a temporary directory. */
class KeysCommandIT {

    @TempDir
    Path dir;

    private CliRunner cli;

    @BeforeEach
    void setUp() {
        cli = CliRunner.h2(dir);
    }

    @Test
    void listThenTheCurrentRs256KeyWithoutKeyMaterial() {
        CliRunner.Result result = cli.run("keys", "list", "--json");

        assertEquals(0, result.code(), result.toString());
        Map<String, String> states = states(result.json());
        assertTrue(states.containsValue("RS256/current"), states.toString());
        result.json().get("keys").forEach(key -> {
            assertFalse(key.has("d") || key.has("n") || key.has("jwk") || key.has("public_jwk"), key.toString());
        });
    }

    @Test
    void rotateThenTheNextKeyIsPublishedAndScheduled() {
        String current = cli.run("keys", "list", "--json").json().get("keys").get(0).get("kid").asText();

        CliRunner.Result rotated = cli.run("keys", "rotate", "--alg", "RS256", "--json");

        assertEquals(0, rotated.code(), rotated.toString());
        JsonNode json = rotated.json();
        assertEquals("RS256", json.get("alg").asText());
        assertEquals("scheduled", json.get("status").asText()); // a fresh next key waits out the publication lead
        String next = json.get("next_kid").asText();
        Map<String, String> states = states(cli.run("keys", "list", "--json").json());
        assertEquals("RS256/next", states.get(next));
        assertEquals("RS256/current", states.get(current));
    }

    @Test
    void rotateWithoutAlgThenTheConfiguredAlgorithm() {
        CliRunner.Result rotated = cli.and("PORTCULLIS_SIGNING_ALGORITHM", "ES256").run("keys", "rotate", "--json");

        assertEquals(0, rotated.code(), rotated.toString());
        assertEquals("ES256", rotated.json().get("alg").asText());
    }

    @Test
    void rotateWhenAlgorithmUnknownThenExitOne() {
        CliRunner.Result result = cli.run("keys", "rotate", "--alg", "HS256");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertEquals("--alg must be RS256, PS256, ES256 or EdDSA.\n", result.err());
    }

    @Test
    void importJwkAsRetiredThenListedAndNothingOfTheKeyPrinted() throws Exception {
        RSAKey jwk = new RSAKeyGenerator(2048).keyID("legacy-1").generate();
        Path file = Files.writeString(dir.resolve("key.json"), jwk.toJSONString());

        CliRunner.Result imported = cli.run("keys", "import", "--alg", "RS256", "--key-file", file.toString(),
                "--state", "retired", "--json");

        assertEquals(0, imported.code(), imported.toString());
        assertEquals("legacy-1", imported.json().get("kid").asText());
        assertEquals("retired", imported.json().get("state").asText());
        assertEquals("RS256/retired", states(cli.run("keys", "list", "--json").json()).get("legacy-1"));
        assertFalse(imported.out().contains(jwk.getPrivateExponent().toString()));
        assertFalse(imported.out().contains(jwk.getModulus().toString()));
    }

    @Test
    void importWhenKidExistsThenRefused() throws JOSEException, java.io.IOException {
        Path file = Files.writeString(dir.resolve("key.json"), new RSAKeyGenerator(2048).keyID("twice").generate().toJSONString());
        cli.run("keys", "import", "--alg", "RS256", "--key-file", file.toString());

        CliRunner.Result again = cli.run("keys", "import", "--alg", "RS256", "--key-file", file.toString());

        assertEquals(ExitCode.USAGE, again.code(), again.toString());
        assertTrue(again.err().startsWith("invalid_request: The key cannot be imported"), again.err());
    }

    @Test
    void importWhenMaterialIsNotAKeyThenExitOneWithoutEchoingIt() throws Exception {
        Path file = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LW1hdGVyaWFs\n-----END PRIVATE KEY-----\n");

        CliRunner.Result result = cli.run("keys", "import", "--alg", "ES256", "--kid", "k1", "--key-file", file.toString());

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertFalse(result.err().contains("c2VjcmV0LW1hdGVyaWFs"), result.err());
    }

    @Test
    void importWhenStateCurrentThenExitOne() throws Exception {
        Path file = Files.writeString(dir.resolve("key.json"), "{}");

        CliRunner.Result result = cli.run("keys", "import", "--alg", "RS256", "--key-file", file.toString(), "--state", "current");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertEquals("--state must be next or retired.\n", result.err());
    }

    @Test
    void importWhenKeyFileMissingThenExitOne() {
        CliRunner.Result result = cli.run("keys", "import", "--alg", "RS256");

        assertEquals(ExitCode.USAGE, result.code(), result.toString());
        assertTrue(result.err().contains("--key-file"), result.err());
    }

    /** kid → "alg/state". */
    private static Map<String, String> states(JsonNode list) {
        Map<String, String> states = new HashMap<>();
        list.get("keys").forEach(k -> states.put(k.get("kid").asText(), k.get("alg").asText() + "/" + k.get("state").asText()));
        return states;
    }
}
