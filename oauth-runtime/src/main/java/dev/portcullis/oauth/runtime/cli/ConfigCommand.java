package dev.portcullis.oauth.runtime.cli;

import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.runtime.config.ConfigurationException;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.crypto.CryptoProviders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code config check}: loads and validates the configuration as the server would, touching nothing. */
@Command(name = "config", mixinStandardHelpOptions = true, description = "Inspect the configuration.",
        synopsisSubcommandLabel = "COMMAND")
public final class ConfigCommand {

    private final CommandContext context;

    public ConfigCommand(CommandContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Load and validate the configuration like the server; exit 2 naming the bad key when invalid.")
    int check(@Mixin ConfigOption config, @Mixin JsonOption json) {
        RuntimeSettings settings;
        try {
            settings = context.settings(config);
            // As the server would refuse to start: crypto.provider=native where the native provider cannot load.
            new CryptoProviders().check(settings.crypto());
        } catch (ConfigurationException e) {
            if (!json.enabled()) {
                throw e;
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("valid", false);
            result.put("errors", List.of(Map.of("key", e.key(), "message", e.problem())));
            context.output().json(result);
            return ExitCode.CONFIGURATION;
        }
        // A summary without secrets: the database URL may carry a password, so only its kind is shown.
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("valid", true);
        result.put("mode", settings.mode().name().toLowerCase(Locale.ROOT));
        result.put("issuer", settings.issuer().toString());
        result.put("database", settings.database().url().startsWith("jdbc:postgresql:") ? "postgresql" : "h2");
        result.put("grants", settings.grants().stream().map(GrantType::value).sorted().toList());
        result.put("clients", settings.clients().size());
        result.put("crypto_provider", settings.crypto().provider().value());
        if (json.enabled()) {
            context.output().json(result);
        } else {
            context.output().line("The configuration is valid.");
            result.forEach((key, value) -> {
                if (!"valid".equals(key)) {
                    context.output().line("  " + key + ": " + ClientsCommand.human(value));
                }
            });
        }
        return ExitCode.OK;
    }
}
