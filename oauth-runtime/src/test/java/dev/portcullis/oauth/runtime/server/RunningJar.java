package dev.portcullis.oauth.runtime.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded jar ({@code target/portcullis.jar}) as a child process in its own JVM, with only the
 * {@code PORTCULLIS_*} variables given, its output (standard output and error) collected line by line.
 */
final class RunningJar implements AutoCloseable {

    static final Path JAR = Path.of("target", "portcullis.jar");
    static final Duration START_LIMIT = Duration.ofSeconds(60);

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

    /** Starts the jar without configuration in {@code dir}, on {@code port}. */
    static RunningJar start(Path dir, int port) throws IOException {
        return start(dir, Map.of("PORTCULLIS_HTTP_PORT", Integer.toString(port)), List.of());
    }

    /**
     * Starts the jar in {@code dir} with {@code env} as its only {@code PORTCULLIS_*} variables and
     * {@code jvmOptions} before {@code -jar}.
     */
    static RunningJar start(Path dir, Map<String, String> env, List<String> jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("PORTCULLIS_"));
        builder.environment().putAll(env);
        return new RunningJar(builder.start());
    }

    /** The first group of the next line matching {@code pattern}; fails when none comes within the start limit. */
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

    /** Sends SIGTERM and waits for the exit; returns the exit code. */
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

    /** Waits for the process to exit by itself; returns the exit code. */
    int awaitExit() throws InterruptedException {
        if (!process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not exit:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(60));
        return process.exitValue();
    }

    /** Everything written so far. */
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
