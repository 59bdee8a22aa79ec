package dev.portcullis.oauth.runtime.cli;

import com.zaxxer.hikari.pool.HikariPool;
import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.error.StandardErrorCode;
import dev.portcullis.oauth.runtime.config.ConfigurationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command tree and its exit codes ({@link ExitCode}): usage errors and refused input 1,
 * configuration errors 2 (naming the key), an unknown client or a conflict 3, an unreachable
 * database 4. Problems go to the output's {@code err}, never with a stack trace; an unexpected
 * failure is logged once.
 */
public final class PortcullisCli {

    private static final Logger LOG = LoggerFactory.getLogger(PortcullisCli.class);

    private final CommandLine commandLine;
    private final CommandOutput output;
    private final AtomicBoolean serving = new AtomicBoolean();

    public PortcullisCli(CommandContext context) {
        Objects.requireNonNull(context, "context");
        this.output = context.output();
        ServeCommand serve = new ServeCommand(context, () -> serving.set(true));
        commandLine = new CommandLine(new PortcullisCommand(serve))
                .addSubcommand(new CommandLine(serve))
                .addSubcommand(new CommandLine(new MigrateCommand(context)))
                .addSubcommand(new CommandLine(new ClientsCommand(context))
                        .addSubcommand(new CommandLine(new CreateClientCommand(context))))
                .addSubcommand(new CommandLine(new KeysCommand(context)))
                .addSubcommand(new CommandLine(new ConfigCommand(context)));
        shareVersion(commandLine, commandLine.getCommandSpec().version());
        commandLine.setOut(output.out());
        commandLine.setErr(output.err());
        commandLine.setParameterExceptionHandler(this::usageError);
        commandLine.setExecutionExceptionHandler((e, line, result) -> failure(e));
    }

    /** Runs the command {@code args} name; returns its exit code. */
    public int execute(String... args) {
        int code = commandLine.execute(args);
        output.out().flush();
        output.err().flush();
        return code;
    }

    /** Whether {@code serve} started a server that keeps running after {@link #execute} returned. */
    public boolean serving() {
        return serving.get();
    }

    /** {@code --version} answers the same on every command. */
    private static void shareVersion(CommandLine command, String[] version) {
        command.getCommandSpec().version(version);
        command.getSubcommands().values().forEach(sub -> shareVersion(sub, version));
    }

    private int usageError(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        output.problem(e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, output.err())) {
            output.problem("Run '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        return ExitCode.USAGE;
    }

    private int failure(Exception e) {
        if (e instanceof CommandFailure failure) {
            output.problem(failure.getMessage());
            return failure.exitCode();
        }
        if (e instanceof ConfigurationException) {
            output.problem("Configuration error: " + e.getMessage());
            return ExitCode.CONFIGURATION;
        }
        if (e instanceof OAuthException refused) {
            // The descriptions are fixed sentences that never echo input (STYLE.md §6).
            output.problem(refused.error().code().value() + ": " + refused.error().description());
            return refused.error().code() == StandardErrorCode.TEMPORARILY_UNAVAILABLE
                    ? ExitCode.NOT_FOUND_OR_CONFLICT : ExitCode.USAGE;
        }
        if (databaseUnavailable(e)) {
            LOG.debug("database unavailable", e);
            output.problem("Database unavailable: cannot connect to the configured database (database.url).");
            return ExitCode.DATABASE_UNAVAILABLE;
        }
        LOG.error("command failed", e);
        output.problem("The command failed unexpectedly; see the log.");
        return ExitCode.USAGE;
    }

    /** A connection that could not be made: refused, timed out, or the pool gave up opening one. */
    static boolean databaseUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException
                    || t instanceof HikariPool.PoolInitializationException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
