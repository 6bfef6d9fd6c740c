package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.replay.KafkaEventPublisher;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a synthetic clickstream to Kafka or to a file of canonical JSON lines. */
@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = "Generate a realistic synthetic clickstream (deterministic with --seed).")
final class GenerateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--users", defaultValue = "10000", description = "Default: ${DEFAULT-VALUE}")
    int users;

    @Option(names = "--items", defaultValue = "2000", description = "Default: ${DEFAULT-VALUE}")
    int items;

    @Option(names = "--days", defaultValue = "30", description = "Default: ${DEFAULT-VALUE}")
    int days;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(
            names = "--output",
            description = "Write JSON lines to this file instead of sending to Kafka")
    Path output;

    @Mixin KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        ClickstreamGenerator generator =
                new ClickstreamGenerator(
                        new GeneratorConfig(
                                users, items, days, seed, GeneratorConfig.DEFAULT_START));
        if (output != null) {
            long written = 0;
            try (OutputStream out =
                    new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
                while (generator.hasNext()) {
                    out.write(ClickEventJson.toJson(generator.next()));
                    out.write('\n');
                    written++;
                }
            }
            spec.commandLine().getOut().printf("Wrote %,d events to %s%n", written, output);
            return 0;
        }
        try (KafkaEventPublisher publisher =
                new KafkaEventPublisher(kafka.bootstrap.servers, kafka.topic)) {
            spec.commandLine()
                    .getOut()
                    .println(publisher.publish(valid(generator), kafka.speed, true));
        }
        return 0;
    }

    static Iterator<ParseResult> valid(Iterator<ClickEvent> events) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return events.hasNext();
            }

            @Override
            public ParseResult next() {
                return new ParseResult(events.next(), null);
            }
        };
    }
}
