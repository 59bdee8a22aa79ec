package dev.portcullis.oauth.domain.port;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs work under a named lock that only one runner can hold at a time: across every instance
 * sharing a database (a PostgreSQL advisory lock), or within one process (a local lock, for H2
 * and in-memory storage). Used so that one instance, not all of them, rotates keys and prunes rows.
 * Thread-safe.
 */
public interface JobLock {

    /**
     * Runs {@code work} while holding the lock {@code name}, without waiting for it.
     *
     * @param name the lock, e.g. the job's name; the same name means the same lock everywhere
     * @return what {@code work} returned; empty, and {@code work} not run, when another runner
     *         holds the lock
     * @throws dev.portcullis.oauth.domain.error.ServiceUnavailableException when the lock cannot
     *         be taken because the database is unreachable
     */
    <T> Optional<T> runExclusively(String name, Supplier<T> work);
}
