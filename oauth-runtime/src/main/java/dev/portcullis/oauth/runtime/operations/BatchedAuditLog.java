package dev.portcullis.oauth.runtime.operations;

import dev.portcullis.oauth.adapters.rest.tracing.RequestIdFilter;
import dev.portcullis.oauth.domain.event.OAuthEvent;
import dev.portcullis.oauth.domain.port.EventPublisher;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The server's audit log, off the request threads: {@link #publish} only queues the event with the
 * request id and the name of the thread that published it (no formatting, no I/O, no wake-up of
 * another thread), and one writer thread, {@code portcullis-audit}, writes what has gathered through
 * {@link AuditLog} every {@code linger}, each line with its event's time, request id and thread.
 * Handing each line to a waiting thread instead (logback's {@code AsyncAppender}) costs a futex
 * wake-up per line, a tenth of a client_credentials grant's CPU (issue #7).
 *
 * <p>Bounded: when {@code capacity} events wait (the output cannot keep up), further events are
 * dropped and counted ({@link #dropped()}, the metric {@code portcullis_audit_events_dropped_total}),
 * and the writer logs a warning with the count; a request never waits for the audit log. After
 * {@link #close()} (which writes what is queued) events are written at once, on the caller's thread.
 * Thread-safe.
 */
public final class BatchedAuditLog implements EventPublisher, AutoCloseable {

    /** Events that may wait for the writer. */
    public static final int DEFAULT_CAPACITY = 65_536;
    /** How long the writer sleeps between batches: the most a line waits on a quiet server. */
    public static final Duration DEFAULT_LINGER = Duration.ofMillis(10);

    private static final Logger LOG = LoggerFactory.getLogger(BatchedAuditLog.class);
    /** How long {@link #close()} waits for the writer to write what is queued. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    private record Pending(OAuthEvent event, String requestId, String thread) {
    }

    private final AuditLog audit;
    private final ArrayBlockingQueue<Pending> queue;
    private final long lingerNanos;
    private final Duration closeWait;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong droppedUnreported = new AtomicLong();
    private final Thread writer;
    private volatile boolean closed;

    /** An audit log with {@link #DEFAULT_CAPACITY} and {@link #DEFAULT_LINGER}; its writer runs at once. */
    public BatchedAuditLog(AuditLog audit) {
        this(audit, DEFAULT_CAPACITY, DEFAULT_LINGER, CLOSE_WAIT);
    }

    BatchedAuditLog(AuditLog audit, int capacity, Duration linger, Duration closeWait) {
        this.audit = Objects.requireNonNull(audit, "audit");
        if (capacity < 1 || linger.isNegative() || linger.isZero()) {
            throw new IllegalArgumentException("capacity and linger must be positive");
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.lingerNanos = linger.toNanos();
        this.closeWait = Objects.requireNonNull(closeWait, "closeWait");
        this.writer = new Thread(this::run, "portcullis-audit");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void publish(OAuthEvent event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            audit.publish(event);
            return;
        }
        // offer() never waits and, with the writer polling rather than waiting, signals no one.
        if (!queue.offer(new Pending(event, MDC.get(RequestIdFilter.MDC_KEY), Thread.currentThread().getName()))) {
            dropped.incrementAndGet();
            droppedUnreported.incrementAndGet();
        }
    }

    /** Events waiting for the writer now. */
    int queued() {
        return queue.size();
    }

    /** Events dropped since start because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Writes what is queued and stops the writer; later events are written on the caller's thread.
     * Waits at most {@link #CLOSE_WAIT} for the writer: when the output blocks (a full pipe), the
     * stop goes on and the events still queued are reported as not written.
     */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(writer);
        try {
            writer.join(closeWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            LOG.warn("audit log output blocked at stop: {} queued events were not written", queue.size());
            return;
        }
        // Whatever a publisher queued while the writer was finishing.
        writeQueued();
    }

    private void run() {
        while (!closed) {
            writeQueued();
            LockSupport.parkNanos(this, lingerNanos);
        }
        writeQueued();
    }

    /** Writes the queued events in order; a failing line is reported and skipped, never stops the writer. */
    private void writeQueued() {
        Pending pending;
        while ((pending = queue.poll()) != null) {
            try {
                audit.write(pending.event(), pending.requestId(), pending.thread());
            } catch (RuntimeException e) {
                LOG.error("audit line for {} could not be written", pending.event().getClass().getSimpleName(), e);
            }
        }
        long lost = droppedUnreported.getAndSet(0);
        if (lost > 0) {
            LOG.warn("audit log queue full: {} events were not written ({} since start)", lost, dropped.get());
        }
    }
}
