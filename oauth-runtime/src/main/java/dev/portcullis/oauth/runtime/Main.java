package dev.portcullis.oauth.runtime;

import ch.qos.logback.classic.LoggerContext;
import dev.portcullis.oauth.runtime.config.ConfigurationException;
import dev.portcullis.oauth.runtime.config.Mode;
import dev.portcullis.oauth.runtime.config.RuntimeSettings;
import dev.portcullis.oauth.runtime.config.SettingsLoader;
import dev.portcullis.oauth.runtime.server.DevelopmentClient;
import dev.portcullis.oauth.runtime.server.DevelopmentUser;
import dev.portcullis.oauth.runtime.server.PortcullisServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar portcullis.jar [--config FILE]}: starts a server and stops it gracefully on
 * SIGTERM. Exit codes: 0 after a clean stop, 2 for a configuration error, 1 for a failed start.
 */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);

    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Path configFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        err.println("--config needs a file name");
                        System.exit(2);
                    }
                    configFile = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    out.println(usage());
                    return;
                }
                default -> {
                    err.println("unknown argument: " + args[i]);
                    err.println(usage());
                    System.exit(2);
                }
            }
        }
        RuntimeSettings settings;
        SettingsLoader loader = new SettingsLoader(System.getenv());
        try {
            settings = configFile == null ? loader.load() : loader.load(configFile);
        } catch (ConfigurationException e) {
            err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        PortcullisServer server;
        try {
            server = PortcullisServer.start(settings, Clock.systemUTC(), List.of());
        } catch (ConfigurationException e) {
            err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        } catch (RuntimeException e) {
            LOG.error("Portcullis failed to start", e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            // The console appender is asynchronous: flush it before the JVM goes.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                logging.stop();
            }
        }, "portcullis-shutdown"));
        if (settings.mode() == Mode.DEVELOPMENT) {
            server.developmentClient().ifPresent(client -> out.println(banner(settings, client, server.developmentUser())));
        }
    }

    private static String usage() {
        return """
                Usage: java -jar portcullis.jar [--config FILE]

                Starts the Portcullis authorization server. Configuration comes from PORTCULLIS_*
                environment variables over the optional YAML file (--config or PORTCULLIS_CONFIG).
                With no configuration it starts a development instance on http://localhost:8080.""";
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
