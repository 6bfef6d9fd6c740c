package io.github.clickstream.appliance.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the command line sends events. */
final class KafkaOptions {

    @Mixin KafkaBootstrapOption bootstrap = new KafkaBootstrapOption();

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
