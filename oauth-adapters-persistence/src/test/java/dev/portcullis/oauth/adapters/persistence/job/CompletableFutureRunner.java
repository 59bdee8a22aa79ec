package dev.portcullis.oauth.adapters.persistence.job;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/** Runs work on another thread and waits for it: a second runner while the first holds a lock. */
final class CompletableFutureRunner {

    private CompletableFutureRunner() {
    }

    static <T> T onOtherThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
