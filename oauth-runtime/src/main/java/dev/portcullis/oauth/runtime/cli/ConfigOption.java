package dev.portcullis.oauth.runtime.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, shared by every command; without it {@code PORTCULLIS_CONFIG} names the file, if any. */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file (default: PORTCULLIS_CONFIG, if set). PORTCULLIS_* variables override it.")
    private Path file;

    /** The file given on the command line. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
