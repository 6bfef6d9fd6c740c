package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.localstack.LocalStack;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local demo: starts Elasticsearch and Kafka on loopback, applies the mappings and keeps
 * running until Ctrl-C or {@code --duration}. Later stages (the Flink job, the search API, the
 * generator) join here as they land.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the appliance locally: Elasticsearch, Kafka and the mappings.")
final class DemoCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin LocalStackOptions stackOptions;

    @Option(
            names = "--duration",
            description = "Stop by itself after this long (ISO-8601, e.g. PT5M); default: Ctrl-C")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting Elasticsearch and Kafka (about 30 s) ...");
        out.flush();
        try (LocalStack stack = stackOptions.start()) {
            StackBanner.print(out, stack);
            out.println(
                    IndexSetup.apply(ElasticsearchConnection.of(stack.elasticsearch().httpUrl())));
            out.println();
            out.println("Try:");
            out.println("  curl '" + stack.elasticsearch().httpUrl() + "/_cat/aliases?v'");
            out.println(
                    duration == null
                            ? "Press Ctrl-C to stop."
                            : "Stopping by itself after " + duration + ".");
            out.flush();
            if (duration == null) {
                Thread.currentThread().join();
            } else {
                Thread.sleep(duration.toMillis());
            }
        }
        return 0;
    }
}
