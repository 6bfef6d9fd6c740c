package io.github.clickstream.appliance.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Sends requests on a fixed schedule, whatever the answers do (open loop), and measures each
 * latency from the moment its request was due, so a slow answer also counts against the requests
 * queued behind it (no coordinated omission).
 */
final class OpenLoopLoad {

    /** Latency percentiles in milliseconds and how many answers were not 2xx. */
    record Result(double p50, double p99, double max, int failures) {}

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Result run(int ratePerSecond, Duration length, IntFunction<HttpRequest> request)
            throws Exception {
        int total = (int) (ratePerSecond * length.toMillis() / 1000);
        long[] latencies = new long[total];
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<?>[] pending = new CompletableFuture<?>[total];
        long start = System.nanoTime();
        long interval = 1_000_000_000L / ratePerSecond;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            int n = i;
            pending[i] =
                    client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding())
                            .whenComplete(
                                    (response, error) -> {
                                        latencies[n] = System.nanoTime() - due;
                                        if (error != null || response.statusCode() / 100 != 2) {
                                            failures.incrementAndGet();
                                        }
                                    });
        }
        CompletableFuture.allOf(pending).exceptionally(e -> null).join();
        Arrays.sort(latencies);
        return new Result(
                millis(latencies[total / 2]),
                millis(latencies[(int) Math.min(total - 1, Math.ceil(total * 0.99) - 1)]),
                millis(latencies[total - 1]),
                failures.get());
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
