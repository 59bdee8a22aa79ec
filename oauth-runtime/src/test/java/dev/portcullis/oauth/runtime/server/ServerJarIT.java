package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an operator runs it: {@code java -jar} with no configuration starts a
 * development instance that prints a working client, keeps its key across restarts, and stops
 * cleanly on SIGTERM.
 */
class ServerJarIT {

    private static final Path JAR = Path.of("target", "portcullis.jar");
    private static final Pattern SECRET = Pattern.compile("client_secret: (\\S+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void javaJarWhenNoConfigurationThenDevelopmentInstanceIssuesTokensAndKeepsItsKey() throws Exception {
        int port = FreePorts.next();

        String kidBefore;
        String secretBefore;
        try (RunningJar jar = RunningJar.start(dir, port)) {
            secretBefore = jar.awaitLine(SECRET);
            JsonNode token = token(port, "dev-client", secretBefore);
            assertEquals("Bearer", token.get("token_type").asText());
            kidBefore = kid(token.get("access_token").asText());
            assertTrue(jwksKids(port).contains(kidBefore));
            assertEquals(143, jar.terminate()); // SIGTERM: shutdown hooks ran, then the JVM's 128 + 15
            assertTrue(jar.output().contains("Portcullis stopped"), jar.output());
        }

        try (RunningJar jar = RunningJar.start(dir, port)) {
            String secretAfter = jar.awaitLine(SECRET);
            JsonNode token = token(port, "dev-client", secretAfter);
            assertEquals(secretBefore, secretAfter);
            assertEquals(kidBefore, kid(token.get("access_token").asText()));
            jar.terminate();
        }
    }

    @Test
    void javaJarWhenConfigurationInvalidThenExitsWithCodeTwoNamingTheKey() throws Exception {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "http:\n  prot: 1\n");
        Process process = new ProcessBuilder("java", "-jar", JAR.toString(), "--config", config.toString())
                .redirectErrorStream(true).start();

        boolean exited = process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertTrue(exited, "the process did not exit");
        assertEquals(2, process.exitValue(), output);
        assertTrue(output.contains("Configuration error: http.prot: unknown key"), output);
    }

    private JsonNode token(int port, String clientId, String secret) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return json.readTree(response.body());
    }

    private List<String> jwksKids(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/jwks"))
                .build(), HttpResponse.BodyHandlers.ofString());
        List<String> kids = new ArrayList<>();
        json.readTree(response.body()).get("keys").forEach(k -> kids.add(k.get("kid").asText()));
        return kids;
    }

    private String kid(String jwt) throws IOException {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return json.readTree(header).get("kid").asText();
    }

    /** The jar as a child process whose output is collected line by line. */
    private static final class RunningJar implements AutoCloseable {

        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final StringBuilder output = new StringBuilder();
        private final Thread reader;

        private RunningJar(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        synchronized (output) {
                            output.append(line).append('\n');
                        }
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("reader failed: " + e.getMessage());
                }
            }, "jar-output");
            reader.setDaemon(true);
            reader.start();
        }

        static RunningJar start(Path dir, int port) throws IOException {
            ProcessBuilder builder = new ProcessBuilder("java", "-jar", JAR.toAbsolutePath().toString())
                    .directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().keySet().removeIf(k -> k.startsWith("PORTCULLIS_"));
            builder.environment().put("PORTCULLIS_HTTP_PORT", Integer.toString(port));
            return new RunningJar(builder.start());
        }

        String awaitLine(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null) {
                    Matcher matcher = pattern.matcher(line);
                    if (matcher.find()) {
                        return matcher.group(1);
                    }
                }
                if (!process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no line matching " + pattern + " in:\n" + output());
        }

        int terminate() throws InterruptedException {
            // SIGTERM through the handle: Process.destroy() would also close our end of the pipe,
            // and the lines the shutdown hook writes would be lost.
            process.toHandle().destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("no exit within 30 s of SIGTERM:\n" + output());
            }
            reader.join(TimeUnit.SECONDS.toMillis(60)); // the stream ends when the process has exited
            return process.exitValue();
        }

        String output() {
            synchronized (output) {
                return output.toString();
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
