package io.github.clickstream.appliance.cli;

import picocli.CommandLine.Option;

/** Where the command line sends events. */
final class KafkaOptions {

    @Option(
            names = "--kafka-bootstrap",
            defaultValue = "${env:KAFKA_BOOTSTRAP:-localhost:9092}",
            description =
                    "Kafka bootstrap servers (env KAFKA_BOOTSTRAP). Default: ${DEFAULT-VALUE}")
    String bootstrapServers;

    @Option(
            names = "--topic",
            defaultValue = "clickstream",
            description = "Topic to send the events to. Default: ${DEFAULT-VALUE}")
    String topic;

    @Option(
            names = "--speed",
            defaultValue = "0",
            description =
                    "0 = as fast as possible, N = N times real time. Default: ${DEFAULT-VALUE}")
    double speed;
}
