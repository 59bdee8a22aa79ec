package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.port.JobLock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A {@link JobLock} within one process, for in-memory storage and H2 (whose file database one
 * process opens at a time). A runner that finds the lock held does not wait. Thread-safe.
 */
public final class LocalJobLock implements JobLock {

    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    @Override
    public <T> Optional<T> runExclusively(String name, Supplier<T> work) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(work, "work");
        ReentrantLock lock = locks.computeIfAbsent(name, n -> new ReentrantLock());
        if (!lock.tryLock()) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            lock.unlock();
        }
    }
}
