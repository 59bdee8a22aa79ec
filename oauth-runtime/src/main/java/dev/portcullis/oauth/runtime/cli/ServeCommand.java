package dev.portcullis.oauth.runtime.cli;

import ch.qos.logback.classic.LoggerContext;
import dev.portcullis.oauth.runtime.config.Mode;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.server.DevelopmentClient;
import dev.portcullis.oauth.runtime.server.DevelopmentUser;
import dev.portcullis.oauth.runtime.server.PortcullisServer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code serve}, the default: starts the server, which runs until SIGTERM and then stops
 * gracefully. A development instance prints its client and user once started. With
 * {@code --stop-when-ready} it stops as soon as it is ready and exits 0: a check that the
 * configuration, the database and the keys let it start, and the training run that writes an AppCDS
 * archive ({@code -XX:ArchiveClassesAtExit}) of every class a start loads.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the authorization server (the default command). Stops gracefully on SIGTERM.")
public final class ServeCommand implements Callable<Integer> {

    private final CommandContext context;
    private final Runnable started;

    @Mixin
    private ConfigOption config;

    @Option(names = "--stop-when-ready",
            description = "Stop gracefully as soon as the server is ready and exit 0: a start-up check, "
                    + "and the training run of an AppCDS archive (-XX:ArchiveClassesAtExit).")
    private boolean stopWhenReady;

    /**
     * @param context shared command state
     * @param started told once the server runs, so that the caller does not exit the JVM
     */
    public ServeCommand(CommandContext context, Runnable started) {
        this.context = Objects.requireNonNull(context, "context");
        this.started = Objects.requireNonNull(started, "started");
    }

    /** Serves with the configuration file given before the command name ({@code --config F} alone). */
    Integer serve(ConfigOption given) {
        this.config = given;
        return call();
    }

    @Override
    public Integer call() {
        RuntimeSettings settings = context.settings(config);
        PortcullisServer server = PortcullisServer.start(settings, context.clock(), List.of());
        if (stopWhenReady) {
            server.close();
            context.output().line("Portcullis was ready on " + settings.issuer() + " and stopped (--stop-when-ready).");
            return ExitCode.OK;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            // The console appender is asynchronous: flush it before the JVM goes.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                logging.stop();
            }
        }, "portcullis-shutdown"));
        started.run();
        if (settings.mode() == Mode.DEVELOPMENT) {
            server.developmentClient().ifPresent(client -> context.output().line(banner(settings, client, server.developmentUser())));
        }
        return ExitCode.OK;
    }

    private static String banner(RuntimeSettings settings, DevelopmentClient client, Optional<DevelopmentUser> user) {
        String issuer = settings.issuer().toString();
        // Development mode only: the development secrets are printed to the console, never logged.
        String banner = """

                Portcullis development instance: %s  (data in %s)
                  client_id:     %s
                  client_secret: %s
                  scopes:        %s
                Get a token:
                  curl -s -u '%s:%s' -d grant_type=client_credentials -d 'scope=%s' %s/token
                Discovery: %s/.well-known/openid-configuration   Keys: %s/jwks
                """.formatted(issuer, settings.dataDir().toAbsolutePath(), client.clientId(), client.secret().value(),
                client.scope(), client.clientId(), client.secret().value(), client.scope(), issuer, issuer, issuer);
        return user.map(u -> banner + """
                Sign in as a user (authorization code flow with PKCE, redirect %s on any port):
                  username:      %s
                  password:      %s
                  %s/authorize?response_type=code&client_id=%s&redirect_uri=%s&scope=api:read&code_challenge=<S256>&code_challenge_method=S256
                """.formatted(DevelopmentClient.REDIRECT_URI, u.username(), u.password().value(), issuer,
                client.clientId(), DevelopmentClient.REDIRECT_URI)).orElse(banner);
    }
}
