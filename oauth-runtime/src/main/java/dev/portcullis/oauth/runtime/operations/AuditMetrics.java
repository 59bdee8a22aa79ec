package dev.portcullis.oauth.runtime.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * {@code portcullis_audit_events_dropped_total}: audit events the {@link BatchedAuditLog} dropped
 * because its queue was full (the log output could not keep up). Anything above zero means lines
 * are missing from the audit trail; alert on it.
 */
public final class AuditMetrics {

    private AuditMetrics() {
    }

    /** Registers the counter, read from {@code audit} at scrape time. */
    public static void bind(MeterRegistry registry, BatchedAuditLog audit) {
        FunctionCounter.builder("portcullis.audit.events.dropped", audit, BatchedAuditLog::dropped)
                .description("Audit events not written because the audit queue was full")
                .register(registry);
    }
}
