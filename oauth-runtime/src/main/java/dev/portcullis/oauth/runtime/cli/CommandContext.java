package dev.portcullis.oauth.runtime.cli;

import dev.portcullis.oauth.application.admin.AdminApi;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import dev.portcullis.oauth.runtime.server.OfflineInstance;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What every command shares: the environment the configuration is read from, the output, the
 * clock, and what to do before a command other than {@code serve} opens the database (Main sends
 * the logs to standard error there, so that standard output holds only the command's result).
 *
 * @param env           the process environment (or a test's)
 * @param output        where results and problems go
 * @param clock         the source of "now"
 * @param beforeOffline run once before a command opens the database without serving
 */
public record CommandContext(Map<String, String> env, CommandOutput output, Clock clock, Runnable beforeOffline) {

    /** Who the admin use cases record as the actor of a change made from the command line. */
    public static final ClientId ACTOR = new ClientId("command-line");

    public CommandContext {
        env = Map.copyOf(env);
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(beforeOffline, "beforeOffline");
    }

    /**
     * Loads and validates the configuration as the server does.
     *
     * @throws dev.portcullis.oauth.runtime.config.ConfigurationException naming the bad key
     */
    public RuntimeSettings settings(ConfigOption config) {
        SettingsLoader loader = new SettingsLoader(env);
        return config.file().map(loader::load).orElseGet(loader::load);
    }

    /** Opens the configured database with the protocol core on it, without the HTTP server. */
    public OfflineInstance open(ConfigOption config) {
        RuntimeSettings settings = settings(config);
        beforeOffline.run();
        return OfflineInstance.open(settings, clock);
    }

    /** The admin use cases of {@code instance}. */
    public static AdminApi admin(OfflineInstance instance) {
        return instance.core().adminApi()
                .orElseThrow(() -> new IllegalStateException("the server core was built without its admin use cases"));
    }
}
