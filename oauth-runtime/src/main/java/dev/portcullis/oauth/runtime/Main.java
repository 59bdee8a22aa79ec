package dev.portcullis.oauth.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import dev.portcullis.oauth.runtime.cli.CommandContext;
import dev.portcullis.oauth.runtime.cli.CommandOutput;
import dev.portcullis.oauth.runtime.cli.PortcullisCli;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.Iterator;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar portcullis.jar [--config FILE] [COMMAND]}: runs a command of {@link PortcullisCli};
 * without one, serves until SIGTERM. The only class that touches the standard streams: commands
 * write through the {@link CommandOutput} made here. Exit codes: see {@code ExitCode}.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Charset charset = Charset.defaultCharset();
        CommandOutput output = new CommandOutput(new PrintWriter(System.out, true, charset),
                new PrintWriter(System.err, true, charset));
        PortcullisCli cli = new PortcullisCli(new CommandContext(System.getenv(), output, Clock.systemUTC(),
                Main::logToStandardError));
        int code = cli.execute(args);
        if (code != 0 || !cli.serving()) {
            // The console appender is asynchronous: flush it before the JVM goes.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                logging.stop();
            }
            System.exit(code);
        }
    }

    /**
     * Commands other than {@code serve} keep standard output for their result (a script parses
     * {@code --json}): the console log appenders move to standard error.
     */
    private static void logToStandardError() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
            logging.getLoggerList().forEach(logger -> redirect(logger.iteratorForAppenders()));
        }
    }

    private static void redirect(Iterator<Appender<ILoggingEvent>> appenders) {
        appenders.forEachRemaining(appender -> {
            if (appender instanceof ConsoleAppender<ILoggingEvent> console && "System.out".equals(console.getTarget())) {
                console.stop();
                console.setTarget("System.err");
                console.start();
            } else if (appender instanceof AsyncAppenderBase<ILoggingEvent> async) {
                redirect(async.iteratorForAppenders());
            }
        });
    }
}
