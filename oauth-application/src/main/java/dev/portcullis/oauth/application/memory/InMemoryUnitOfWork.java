package dev.portcullis.oauth.application.memory;

import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link UnitOfWork} of the in-memory repositories, which have no transactions: it runs the
 * work directly and returns or throws what it does. Nothing rolls back: each write of an in-memory
 * repository is visible at once and stays, whatever happens afterwards. That is enough where
 * nothing can fail between two writes but the process itself, which takes the memory with it.
 * Stateless and thread-safe.
 */
public final class InMemoryUnitOfWork implements UnitOfWork {

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        return work.get();
    }
}
