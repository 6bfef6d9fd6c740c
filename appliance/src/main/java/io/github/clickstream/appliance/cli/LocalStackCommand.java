package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.localstack.LocalStack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Starts the local Elasticsearch and Kafka and keeps them up until Ctrl-C. */
@Command(
        name = "local-stack",
        mixinStandardHelpOptions = true,
        description = "Start a local Elasticsearch and Kafka on 127.0.0.1 until Ctrl-C.")
final class LocalStackCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin LocalStackOptions stackOptions;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting Elasticsearch and Kafka (about 30 s) ...");
        out.flush();
        try (LocalStack stack = stackOptions.start()) {
            StackBanner.print(out, stack);
            out.println("Press Ctrl-C to stop.");
            out.flush();
            Thread.currentThread().join();
        }
        return 0;
    }
}
