package dev.portcullis.oauth.application.server;

import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} for tests: runs the work directly, as the in-memory one does, and records
 * how many units ran (nested calls join, so count once) and whether the calling thread is inside
 * one now. Thread-safe.
 */
public final class RecordingUnitOfWork implements UnitOfWork {

    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);
    private final AtomicInteger units = new AtomicInteger();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        int outer = depth.get();
        if (outer == 0) {
            units.incrementAndGet();
        }
        depth.set(outer + 1);
        try {
            return work.get();
        } finally {
            depth.set(outer);
        }
    }

    /** How many outermost units have started. */
    public int units() {
        return units.get();
    }

    /** Whether the calling thread runs inside a unit now. */
    public boolean isOpen() {
        return depth.get() > 0;
    }
}
