package dev.portcullis.oauth.runtime.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as an operator runs it: {@code java -jar} with no configuration starts a
 * development instance that prints a working client, keeps its key across restarts, and stops
 * cleanly on SIGTERM.
 */
class ServerJarIT {

    private static final Path JAR = RunningJar.JAR;
    private static final Pattern SECRET = Pattern.compile("client_secret: (\\S+)");
    private static final Duration START_LIMIT = RunningJar.START_LIMIT;

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
            // The audit trail through the jar's own logging: written by the audit thread, naming
            // the request's thread and id, and the token by its jti only.
            String jti = claim(token.get("access_token").asText(), "jti");
            String auditThread = jar.awaitLine(Pattern.compile("\\[(portcullis-http[^\\]]*)\\] portcullis\\.audit \\S+ - "
                    + "audit event=token_issued outcome=success client_id=dev-client .*jti=" + Pattern.quote(jti)));
            assertTrue(auditThread.startsWith("portcullis-http"), auditThread);
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

    private String claim(String jwt, String name) throws IOException {
        String[] parts = jwt.split("\\.");
        return json.readTree(Base64.getUrlDecoder().decode(parts[1])).get(name).asText();
    }

    private String kid(String jwt) throws IOException {
        String header = new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8);
        return json.readTree(header).get("kid").asText();
    }
}
