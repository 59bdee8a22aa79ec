package dev.portcullis.oauth.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portcullis.oauth.runtime.server.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar's command line as a script runs it: exit codes, and standard output that holds
 * nothing but the JSON document (logs go to standard error).
 */
class CommandLineJarIT {

    private static final Path JAR = Path.of("target", "portcullis.jar").toAbsolutePath();

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void configCheckWhenValidThenExitZeroAndJsonOnStdout() throws Exception {
        Run run = run("config", "check", "--json");

        assertEquals(0, run.code(), run.toString());
        JsonNode result = json.readTree(run.out());
        assertTrue(result.get("valid").asBoolean(), run.toString());
        assertEquals("development", result.get("mode").asText());
    }

    @Test
    void configCheckWhenInvalidThenExitTwoNamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "http:\n  prot: 1\n");

        Run run = run("config", "check", "--config", config.toString());

        assertEquals(2, run.code(), run.toString());
        assertTrue(run.err().contains("Configuration error: http.prot: unknown key"), run.toString());
    }

    @Test
    void clientsCreateThenListJsonParsesAndNeverShowsTheSecret() throws Exception {
        Run created = run("clients", "create", "--client-id", "batch", "--grant-type", "client_credentials", "--json");
        assertEquals(0, created.code(), created.toString());
        String secret = json.readTree(created.out()).get("client_secret").asText();

        Run listed = run("clients", "list", "--json");

        assertEquals(0, listed.code(), listed.toString());
        JsonNode clients = json.readTree(listed.out()).get("clients");
        List<String> ids = new ArrayList<>();
        clients.forEach(c -> ids.add(c.get("client_id").asText()));
        assertEquals(List.of("batch"), ids);
        assertFalse(listed.out().contains(secret) || listed.err().contains(secret));
        assertFalse(created.err().contains(secret), "the secret reached a log: " + created.err());
    }

    @Test
    void clientsShowWhenUnknownThenExitThree() throws Exception {
        Run run = run("clients", "show", "nobody");

        assertEquals(3, run.code(), run.toString());
        assertTrue(run.err().contains("No client with client_id nobody."), run.toString());
    }

    @Test
    void serveWhenStopWhenReadyThenStartsStopsAndExitsZero() throws Exception {
        Run run = java(List.of(), "serve", "--stop-when-ready");

        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().contains("and stopped (--stop-when-ready)"), run.toString());
        assertTrue(run.out().contains("Portcullis started") && run.out().contains("Portcullis stopped"), run.toString());
    }

    @Test
    void serveWhenTrainedAppCdsArchiveThenTheNextStartMapsIt() throws Exception {
        // README, Running in production: the archive of a training run, mapped by every later start.
        // -Xshare:on makes the JVM refuse to start when the archive cannot be used.
        Path archive = dir.resolve("portcullis.jsa");

        Run training = java(List.of("-XX:ArchiveClassesAtExit=" + archive), "serve", "--stop-when-ready");
        assertEquals(0, training.code(), training.toString());
        assertTrue(Files.size(archive) > 0, "no archive written: " + training);

        Run mapped = java(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on"), "serve", "--stop-when-ready");
        assertEquals(0, mapped.code(), mapped.toString());
        assertTrue(mapped.out().contains("and stopped (--stop-when-ready)"), mapped.toString());
    }

    private Run run(String... args) throws IOException, InterruptedException {
        return java(List.of(), args);
    }

    /** Runs the jar with {@code jvmOptions} in {@link #dir}, in development mode on a free port. */
    private Run java(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("PORTCULLIS_"));
        builder.environment().put("PORTCULLIS_HTTP_PORT", String.valueOf(FreePorts.next()));
        Process process = builder.start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("no exit within 120 s: " + String.join(" ", args));
        }
        return new Run(process.exitValue(), out, err.join());
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
        }
    }
}
