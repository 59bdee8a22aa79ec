package dev.portcullis.oauth.runtime.cli;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON document on standard output instead of human text. */
public final class JsonOption {

    @Option(names = "--json", description = "Print one JSON document, for scripts.")
    private boolean json;

    /** Whether JSON was asked for. */
    public boolean enabled() {
        return json;
    }
}
