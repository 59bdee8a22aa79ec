package dev.portcullis.oauth.runtime.cli;

import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code java -jar portcullis.jar [--config FILE] [COMMAND]}: without a command, {@code serve}. */
@Command(name = "portcullis", mixinStandardHelpOptions = true, version = "Portcullis 0.1.0",
        synopsisSubcommandLabel = "[COMMAND]",
        description = {"The Portcullis OAuth 2.1 / OpenID Connect authorization server.",
            "Configuration comes from PORTCULLIS_* environment variables over the optional YAML file "
                    + "(--config or PORTCULLIS_CONFIG). Without a command it serves; with no configuration it starts "
                    + "a development instance on http://localhost:8080."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:usage error or invalid input", "2:configuration error",
            "3:not found or conflict", "4:database unavailable"})
public final class PortcullisCommand implements Callable<Integer> {

    private final ServeCommand serve;

    @Mixin
    private ConfigOption config;

    public PortcullisCommand(ServeCommand serve) {
        this.serve = Objects.requireNonNull(serve, "serve");
    }

    @Override
    public Integer call() {
        return serve.serve(config);
    }
}
