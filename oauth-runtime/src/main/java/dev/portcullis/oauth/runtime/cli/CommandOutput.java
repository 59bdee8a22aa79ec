package dev.portcullis.oauth.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.Objects;

/**
 * Where commands write: {@code out} for results (human text, or one JSON document with
 * {@code --json}), {@code err} for problems. {@code Main} creates it over the standard streams,
 * tests over buffers; nothing else touches the standard streams. Logs never go here.
 */
public final class CommandOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;

    public CommandOutput(PrintWriter out, PrintWriter err) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Results. */
    public PrintWriter out() {
        return out;
    }

    /** Problems. */
    public PrintWriter err() {
        return err;
    }

    /** Writes {@code value} (maps, lists, strings, numbers, booleans) as one line of JSON to {@code out}. */
    public void json(Object value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not writable as JSON: " + value.getClass().getName(), e);
        }
        out.flush();
    }

    /** Writes one line of human text to {@code out}. */
    public void line(String text) {
        out.println(text);
        out.flush();
    }

    /** Writes one line to {@code err}. */
    public void problem(String text) {
        err.println(text);
        err.flush();
    }
}
