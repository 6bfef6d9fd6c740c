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
 * queued behind it (no coordinated omission). It also records how late each request left, so a load
 * generator that cannot keep the schedule (the client being the bottleneck) shows.
 */
final class OpenLoopLoad {

    /**
     * Latency percentiles in milliseconds, how many answers were not 2xx, and the 99th percentile
     * of how late requests were sent (milliseconds after they were due).
     */
    record Result(double p50, double p99, double max, int failures, double sendLagP99) {}

    // HTTP/1.1 like the search API's own Elasticsearch client: no h2c upgrade attempts
    private final HttpClient client =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    Result run(int ratePerSecond, Duration length, IntFunction<HttpRequest> request)
            throws Exception {
        int total = requests(ratePerSecond, length);
        long[] latencies = new long[total];
        long[] sendLags = new long[total];
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
            sendLags[i] = System.nanoTime() - due;
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
        Arrays.sort(sendLags);
        return new Result(
                millis(latencies[total / 2]),
                millis(p99(latencies)),
                millis(latencies[total - 1]),
                failures.get(),
                millis(p99(sendLags)));
    }

    /** How many requests a run at {@code ratePerSecond} for {@code length} sends. */
    static int requests(int ratePerSecond, Duration length) {
        return (int) (ratePerSecond * length.toMillis() / 1000);
    }

    private static long p99(long[] sorted) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
