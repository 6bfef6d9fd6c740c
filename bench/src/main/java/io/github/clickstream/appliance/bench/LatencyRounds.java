package io.github.clickstream.appliance.bench;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The latency comparison both API benchmarks make: per round, the API and then the same work sent
 * straight to Elasticsearch at one fixed arrival rate (open loop), printed as it goes, reported as
 * p50 and p99 figures over the rounds. Each run also prints the CPU it cost per request in this JVM
 * (the load generator, and the API when it runs in-process), in the API's own process when it has
 * one, and in the Elasticsearch node: on a shared machine that says which process saturates first.
 * Warm-ups stay with the callers.
 */
final class LatencyRounds {

    private LatencyRounds() {}

    static List<Figure> compare(
            String benchmark,
            String what,
            String baseline,
            int rate,
            Duration length,
            int rounds,
            IntFunction<HttpRequest> viaApi,
            IntFunction<HttpRequest> direct,
            Goal p99Goal,
            BenchElasticsearch es,
            ProcessHandle apiProcess)
            throws Exception {
        OpenLoopLoad load = new OpenLoopLoad();
        int requests = OpenLoopLoad.requests(rate, length);
        double[][] ours = new double[2][rounds];
        double[][] theirs = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            CpuSeconds beforeApi = CpuSeconds.now(es, apiProcess);
            OpenLoopLoad.Result a = load.run(rate, length, viaApi);
            CpuSeconds beforeDirect = CpuSeconds.now(es, apiProcess);
            OpenLoopLoad.Result d = load.run(rate, length, direct);
            CpuSeconds after = CpuSeconds.now(es, apiProcess);
            ours[0][round] = a.p50();
            ours[1][round] = a.p99();
            theirs[0][round] = d.p50();
            theirs[1][round] = d.p99();
            System.out.printf(
                    Locale.ROOT,
                    "  %s round %d at %d req/s: API p50 %.2f ms p99 %.2f ms (max %.1f, %d"
                            + " failed, sent late p99 %.2f ms) | direct p50 %.2f ms p99 %.2f ms"
                            + " (max %.1f, %d failed, sent late p99 %.2f ms)%n",
                    what,
                    round + 1,
                    rate,
                    a.p50(),
                    a.p99(),
                    a.max(),
                    a.failures(),
                    a.sendLagP99(),
                    d.p50(),
                    d.p99(),
                    d.max(),
                    d.failures(),
                    d.sendLagP99());
            System.out.printf(
                    Locale.ROOT,
                    "    CPU per request (ms): API path %s | direct %s%n",
                    beforeDirect.perRequestSince(beforeApi, requests),
                    after.perRequestSince(beforeDirect, requests));
        }
        String at = " at " + rate + " req/s";
        return List.of(
                new Figure(
                        benchmark,
                        what + " p50" + at,
                        "ms",
                        "API",
                        baseline,
                        ours[0],
                        theirs[0],
                        Goal.NONE),
                new Figure(
                        benchmark,
                        what + " p99" + at,
                        "ms",
                        "API",
                        baseline,
                        ours[1],
                        theirs[1],
                        p99Goal));
    }

    /**
     * CPU seconds used so far by this JVM, the API's process (NaN when the API has none) and
     * Elasticsearch.
     */
    private record CpuSeconds(double jvm, double api, double elasticsearch) {

        static CpuSeconds now(BenchElasticsearch es, ProcessHandle api) {
            return new CpuSeconds(
                    ProcessCpu.thisJvmNanos() / 1e9,
                    api == null ? Double.NaN : ProcessCpu.treeSeconds(api.pid()),
                    es.cpuSeconds());
        }

        /** Milliseconds of CPU per request since {@code before}, per process. */
        String perRequestSince(CpuSeconds before, int requests) {
            double toMillis = 1000.0 / requests;
            String apiPart =
                    Double.isNaN(api)
                            ? ""
                            : String.format(
                                    Locale.ROOT, " + API %.2f", (api - before.api) * toMillis);
            return String.format(
                    Locale.ROOT,
                    "this JVM %.2f%s + Elasticsearch %.2f",
                    (jvm - before.jvm) * toMillis,
                    apiPart,
                    (elasticsearch - before.elasticsearch) * toMillis);
        }
    }
}
