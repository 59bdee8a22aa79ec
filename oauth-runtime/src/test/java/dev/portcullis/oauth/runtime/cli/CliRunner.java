package dev.portcullis.oauth.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs commands in-process over one environment, capturing what they print. */
final class CliRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;

    private CliRunner(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** A development instance whose state (H2 database, master key) lives in {@code dir}. */
    static CliRunner h2(Path dir) {
        return new CliRunner(Map.of("PORTCULLIS_DATA_DIR", dir.resolve("data").toString()));
    }

    /** Any environment. */
    static CliRunner with(Map<String, String> env) {
        return new CliRunner(env);
    }

    /** The same environment plus {@code name=value}. */
    CliRunner and(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new CliRunner(more);
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandOutput output = new CommandOutput(new PrintWriter(out, true), new PrintWriter(err, true));
        PortcullisCli cli = new PortcullisCli(new CommandContext(env, output, Clock.systemUTC(), () -> { }));
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** What one command did. */
    record Result(int code, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException("not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
        }
    }
}
