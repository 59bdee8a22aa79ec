package dev.portcullis.oauth.runtime.server;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A step of the server's start that runs on its own thread while the main thread goes on, so
 * that slow independent steps (password hashing, Hibernate, Jersey's model) overlap on a
 * multi-core machine. Its failure surfaces, unwrapped, where the main thread joins it.
 */
final class StartupTask {

    private StartupTask() {
    }

    /** Starts {@code work} on a new daemon thread named {@code portcullis-start-<name>}. */
    static <T> CompletableFuture<T> run(String name, Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }, "portcullis-start-" + name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /**
     * What {@code task} returned, after waiting for it.
     *
     * @throws RuntimeException the exception the task threw, as it was thrown
     */
    static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Waits for {@code task} to end, whatever its outcome: before closing what it uses. */
    static void await(CompletableFuture<?> task) {
        task.handle((value, failure) -> null).join();
    }
}
