package io.github.clickstream.appliance.api;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Waits for an asynchronous Elasticsearch call and rethrows its failure as the blocking client
 * would have thrown it ({@code IOException} or {@code ElasticsearchException}), so {@link
 * ErrorMapper} answers concurrent calls with the same status as sequential ones.
 */
final class Futures {

    private Futures() {}

    static <T> T await(CompletableFuture<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new InterruptedIOException("Interrupted while waiting for Elasticsearch");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
