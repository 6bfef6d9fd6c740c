package io.github.clickstream.appliance.cli;

import picocli.CommandLine.Option;

/** The Kafka cluster a command talks to. */
final class KafkaBootstrapOption {

    @Option(
            names = "--kafka-bootstrap",
            defaultValue = "${env:KAFKA_BOOTSTRAP:-localhost:9092}",
            description =
                    "Kafka bootstrap servers (env KAFKA_BOOTSTRAP). Default: ${DEFAULT-VALUE}")
    String servers;
}
