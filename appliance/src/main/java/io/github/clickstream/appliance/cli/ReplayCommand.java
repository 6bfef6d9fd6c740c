package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.events.datasets.DatasetFormat;
import io.github.clickstream.appliance.events.datasets.DatasetReader;
import io.github.clickstream.appliance.replay.KafkaEventPublisher;
import io.github.clickstream.appliance.replay.ReplayReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Sends an event file (a public dataset or canonical JSON lines) to Kafka. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = "Send an event file to Kafka as canonical JSON events.")
final class ReplayCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(
            names = "--format",
            required = true,
            description = "taobao, rees46, retailrocket, online-retail or canonical")
    String format;

    @Option(names = "--file", required = true, description = "The file (.gz is read as gzip)")
    Path file;

    @Mixin KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        DatasetFormat datasetFormat;
        try {
            datasetFormat = DatasetFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "Cannot read --file " + file);
        }
        try (DatasetReader reader = new DatasetReader(file, datasetFormat);
                KafkaEventPublisher publisher =
                        new KafkaEventPublisher(kafka.bootstrap.servers, kafka.topic)) {
            ReplayReport report = publisher.publish(reader, kafka.speed, true);
            spec.commandLine().getOut().println(report);
        }
        return 0;
    }
}
