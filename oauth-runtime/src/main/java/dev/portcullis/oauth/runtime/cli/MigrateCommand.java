package dev.portcullis.oauth.runtime.cli;

import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.server.OfflineInstance;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code migrate}: brings the database schema up to date (Liquibase) and exits; starts nothing. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Apply the database schema changes (Liquibase) and exit, without starting the server.")
public final class MigrateCommand implements Callable<Integer> {

    private final CommandContext context;

    @Mixin
    private ConfigOption config;
    @Mixin
    private JsonOption json;

    public MigrateCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public Integer call() {
        RuntimeSettings settings = context.settings(config);
        context.beforeOffline().run();
        OfflineInstance.migrate(settings);
        if (json.enabled()) {
            context.output().json(Map.of("migrated", true));
        } else {
            context.output().line("The database schema is up to date.");
        }
        return ExitCode.OK;
    }
}
