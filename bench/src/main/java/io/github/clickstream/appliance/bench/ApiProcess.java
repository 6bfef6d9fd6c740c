package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.api.SearchApiMain;
import io.github.clickstream.appliance.localstack.FreePort;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The search API in a JVM of its own, as a deployment runs it: the load generator's threads and
 * garbage then share only the cores with it, not its heap, its GC pauses or its JIT. Started with
 * this JVM's class path and the benchmarks' API key; its output goes to a log file.
 */
final class ApiProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final String url;

    private ApiProcess(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    static ApiProcess start(ElasticsearchConnection elasticsearch, String heap) throws Exception {
        int port = FreePort.pick();
        Path log = Files.createTempFile("bench-search-api-", ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process =
                new ProcessBuilder(
                                List.of(
                                        java,
                                        "-Xmx" + heap,
                                        "-cp",
                                        System.getProperty("java.class.path"),
                                        SearchApiMain.class.getName(),
                                        "--host",
                                        "127.0.0.1",
                                        "--port",
                                        Integer.toString(port),
                                        "--es-url",
                                        elasticsearch.url(),
                                        "--api-keys",
                                        BenchApi.keyConfigLine()))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        ApiProcess api = new ApiProcess(process, "http://127.0.0.1:" + port);
        try {
            api.awaitHealthy(log.toFile());
        } catch (Exception e) {
            api.close();
            throw e;
        }
        return api;
    }

    String url() {
        return url;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    private void awaitHealthy(File log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "The search API exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> health =
                        Http.CLIENT.send(
                                BenchApi.request(url + "/health").GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(
                "The search API was not healthy within " + START_TIMEOUT + "; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
