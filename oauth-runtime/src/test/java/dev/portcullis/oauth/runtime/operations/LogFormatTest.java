package dev.portcullis.oauth.runtime.operations;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped {@code logback.xml}: text lines by default, one JSON object per line on request. */
class LogFormatTest {

    @Test
    void jsonWhenRequestedThenOneLineIsOneJsonObjectWithRequestIdAndAuditFields() throws Exception {
        String line = encode("json", event("audit {} {}", null, kv("event", "token_issued"), kv("client_id", "billing")));

        assertTrue(line.endsWith("\n"));
        assertEquals(1, line.split("\n", -1).length - 1, "exactly one line");
        JsonNode json = new ObjectMapper().readTree(line);
        assertEquals("req-42", json.get("request_id").asText());
        assertEquals("token_issued", json.get("event").asText());
        assertEquals("billing", json.get("client_id").asText());
        assertEquals("INFO", json.get("level").asText());
        assertEquals("portcullis.audit", json.get("logger_name").asText());
        assertEquals("audit event=token_issued client_id=billing", json.get("message").asText());
    }

    @Test
    void jsonWhenStackTraceThenStillOneLine() throws Exception {
        String line = encode("json", event("job failed", new IllegalStateException("boom\nsecond line")));

        assertEquals(1, line.split("\n", -1).length - 1, "exactly one line");
        JsonNode json = new ObjectMapper().readTree(line);
        assertTrue(json.get("stack_trace").asText().contains("IllegalStateException: boom"));
        assertEquals("req-42", json.get("request_id").asText());
    }

    @Test
    void textByDefaultThenHumanReadableLineWithRequestId() throws Exception {
        String line = encode(null, event("audit {}", null, kv("event", "login")));

        assertFalse(line.startsWith("{"));
        assertTrue(line.contains(" INFO  [main] portcullis.audit req-42 - audit event=login"), line);
    }

    @Test
    void configureWhenShippedFileThenNoWarningSoStatusStaysOffStandardOutput() throws JoranException {
        // Logback prints its status to standard output when configuring raises a warning; the command
        // line's --json output owns standard output, so the shipped file must configure cleanly.
        for (String format : new String[] {null, "text", "json"}) {
            LoggerContext context = new LoggerContext();
            if (format != null) {
                context.putProperty("PORTCULLIS_LOG_FORMAT", format);
            }
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
            try {
                assertEquals(Status.INFO, new StatusUtil(context).getHighestLevel(0), String.valueOf(format));
            } finally {
                context.stop();
            }
        }
    }

    /** Configures a fresh logging context from the shipped file and encodes {@code event} as it would. */
    private static String encode(String format, LoggingEvent event) throws JoranException {
        LoggerContext context = new LoggerContext();
        if (format != null) {
            context.putProperty("PORTCULLIS_LOG_FORMAT", format);
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(LogFormatTest.class.getResource("/logback.xml"));
        try {
            AsyncAppender async = assertInstanceOf(AsyncAppender.class,
                    context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC"));
            // The shipped file declares its console appenders for logging events only.
            @SuppressWarnings("unchecked")
            OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) assertInstanceOf(
                    OutputStreamAppender.class, async.getAppender("CONSOLE"));
            event.setLoggerContext(context);
            return new String(console.getEncoder().encode(event), StandardCharsets.UTF_8);
        } finally {
            context.stop();
        }
    }

    private static LoggingEvent event(String message, Throwable thrown, Object... arguments) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(Logger.FQCN, context.getLogger(AuditLog.LOGGER), Level.INFO, message,
                thrown, arguments);
        event.setThreadName("main");
        event.setMDCPropertyMap(Map.of("request_id", "req-42"));
        return event;
    }
}
