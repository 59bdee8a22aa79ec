package dev.portcullis.oauth.application.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs one task on many threads released at the same moment, to provoke races. */
public final class Race {

    /** One racer's work; {@code index} runs from 0 to the number of threads minus one. */
    @FunctionalInterface
    public interface Task<T> {
        /** Does the work of racer {@code index}. */
        T run(int index) throws Exception;
    }

    private Race() {
    }

    /**
     * Runs {@code task} on {@code threads} threads started together and returns each result in
     * index order; a failure of any racer is rethrown as an {@link AssertionError}.
     */
    public static <T> List<T> run(int threads, Task<T> task) {
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(executor.submit(() -> {
                    start.await();
                    return task.run(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(2, TimeUnit.MINUTES));
            }
            return results;
        } catch (ExecutionException e) {
            throw new AssertionError("a racer failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (TimeoutException e) {
            throw new AssertionError("a racer did not finish", e);
        } finally {
            executor.shutdownNow();
        }
    }
}
