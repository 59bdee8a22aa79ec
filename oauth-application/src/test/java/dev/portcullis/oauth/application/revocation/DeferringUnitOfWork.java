package dev.portcullis.oauth.application.revocation;

import dev.portcullis.oauth.domain.error.OAuthException;
import dev.portcullis.oauth.domain.port.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link UnitOfWork} for tests that keeps after-commit actions as a database's does: run once the
 * outermost work returns or refuses, dropped when it fails otherwise (a rollback). It rolls back
 * no write itself; outside a unit an action runs at once. Thread-safe; a unit belongs to its thread.
 */
final class DeferringUnitOfWork implements UnitOfWork {

    private final ThreadLocal<List<Runnable>> actions = new ThreadLocal<>();

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        if (actions.get() != null) {
            return work.get();
        }
        List<Runnable> kept = new ArrayList<>();
        actions.set(kept);
        T result;
        try {
            result = work.get();
        } catch (OAuthException refusal) {
            actions.remove();
            kept.forEach(Runnable::run);
            throw refusal;
        } finally {
            actions.remove();
        }
        kept.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        Objects.requireNonNull(action, "action");
        List<Runnable> kept = actions.get();
        if (kept == null) {
            action.run();
        } else {
            kept.add(action);
        }
    }
}
