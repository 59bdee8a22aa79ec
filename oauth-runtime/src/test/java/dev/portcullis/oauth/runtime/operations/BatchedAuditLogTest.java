package dev.portcullis.oauth.runtime.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.portcullis.oauth.domain.client.ClientId;
import dev.portcullis.oauth.domain.event.TokenIssued;
import dev.portcullis.oauth.domain.grant.GrantType;
import dev.portcullis.oauth.domain.scope.ScopeSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class BatchedAuditLogTest {

    private static final Instant AT = Instant.parse("2026-11-27T12:00:00Z");

    private final Logger audit = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
    private final Logger warnings = (Logger) LoggerFactory.getLogger(BatchedAuditLog.class);
    private final Captured lines = new Captured();
    private final Captured warned = new Captured();

    /** Keeps each line with the name of the thread that wrote it. */
    private static final class Captured extends AppenderBase<ILoggingEvent> {
        final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
        final List<String> writers = new CopyOnWriteArrayList<>();
        volatile CountDownLatch blocked;

        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            CountDownLatch gate = blocked;
            if (gate != null) {
                try {
                    gate.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.add(event);
            writers.add(Thread.currentThread().getName());
        }
    }

    @BeforeEach
    void capture() {
        for (var pair : List.of(List.of(audit, lines), List.of(warnings, warned))) {
            Logger logger = (Logger) pair.get(0);
            Captured appender = (Captured) pair.get(1);
            appender.start();
            logger.addAppender(appender);
            logger.setAdditive(false);
            logger.setLevel(Level.INFO);
        }
    }

    @AfterEach
    void release() {
        lines.blocked = null;
        for (Logger logger : List.of(audit, warnings)) {
            logger.detachAndStopAllAppenders();
            logger.setAdditive(true);
            logger.setLevel(null);
        }
        MDC.clear();
    }

    @Test
    void publishWhenRequestThreadPublishesThenWriterThreadWritesTheLineWithTheRequestsIdThreadAndTime() {
        BatchedAuditLog log = new BatchedAuditLog(new AuditLog());
        MDC.put("request_id", "req-7");

        log.publish(issued("jti-1"));
        log.close();

        ILoggingEvent line = lines.events.get(0);
        assertEquals(1, lines.events.size());
        assertEquals("portcullis-audit", lines.writers.get(0), "written off the publishing thread");
        assertEquals(Thread.currentThread().getName(), line.getThreadName(), "the line names the publisher");
        assertEquals("req-7", line.getMDCPropertyMap().get("request_id"));
        assertEquals(AT, line.getInstant(), "the line carries the event's time, not the write's");
        assertTrue(line.getFormattedMessage().contains("jti=jti-1"), line.getFormattedMessage());
    }

    @Test
    void publishWhenNotClosedThenWrittenWithinTheLinger() throws Exception {
        BatchedAuditLog log = new BatchedAuditLog(new AuditLog(), 16, Duration.ofMillis(5), BatchedAuditLog.CLOSE_WAIT);
        try {
            log.publish(issued("jti-1"));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (lines.events.isEmpty() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(5);
            }
            assertEquals(1, lines.events.size());
        } finally {
            log.close();
        }
    }

    @Test
    void publishWhenManyEventsThenAllWrittenInOrder() {
        BatchedAuditLog log = new BatchedAuditLog(new AuditLog());

        for (int i = 0; i < 1_000; i++) {
            log.publish(issued("jti-" + i));
        }
        log.close();

        assertEquals(1_000, lines.events.size());
        for (int i = 0; i < 1_000; i++) {
            assertTrue(lines.events.get(i).getFormattedMessage().endsWith("jti=jti-" + i));
        }
        assertEquals(0, log.dropped());
    }

    @Test
    void publishWhenQueueFullThenEventsDroppedCountedAndWarnedNeverBlocking() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        lines.blocked = gate;
        BatchedAuditLog log = new BatchedAuditLog(new AuditLog(), 2, Duration.ofMillis(1), BatchedAuditLog.CLOSE_WAIT);
        log.publish(issued("first"));
        int published = 1;
        // The writer takes "first" and blocks in the output; then two fit in the queue, the rest do not.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.dropped() == 0 && System.nanoTime() < deadline) {
            log.publish(issued("more"));
            published++;
        }
        gate.countDown();
        log.close();

        assertTrue(log.dropped() > 0, "a full queue drops instead of blocking the publisher");
        assertEquals(published, lines.events.size() + log.dropped(), "each event is written or counted");
        assertTrue(warned.events.stream().anyMatch(e -> e.getLevel() == Level.WARN
                && e.getFormattedMessage().startsWith("audit log queue full")), "the loss is reported");
    }

    @Test
    void closeWhenOutputBlockedThenStopsAfterItsWaitAndReportsWhatWasNotWritten() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        lines.blocked = gate;
        BatchedAuditLog log = new BatchedAuditLog(new AuditLog(), 16, Duration.ofMillis(1), Duration.ofMillis(200));
        try {
            log.publish(issued("stuck"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // The writer has taken "stuck" and blocks in the output.
            while (log.queued() > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(1);
            }
            log.publish(issued("queued"));

            long start = System.nanoTime();
            log.close();

            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the stop did not hang on the output");
            assertTrue(warned.events.stream().anyMatch(e -> e.getFormattedMessage()
                    .equals("audit log output blocked at stop: 1 queued events were not written")),
                    warned.events.toString());
        } finally {
            gate.countDown();
        }
    }

    @Test
    void publishWhenClosedThenWrittenAtOnceOnTheCallersThread() {
        BatchedAuditLog log = new BatchedAuditLog(new AuditLog());
        log.close();

        log.publish(issued("late"));

        assertEquals(1, lines.events.size());
        assertEquals(Thread.currentThread().getName(), lines.writers.get(0));
    }

    private static TokenIssued issued(String jti) {
        return new TokenIssued(AT, new ClientId("billing"), "billing", GrantType.CLIENT_CREDENTIALS,
                ScopeSet.of("orders:read"), jti);
    }
}
