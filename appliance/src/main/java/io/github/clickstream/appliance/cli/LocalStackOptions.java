package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.localstack.ElasticsearchOptions;
import io.github.clickstream.appliance.localstack.KafkaOptions;
import io.github.clickstream.appliance.localstack.LocalStack;
import picocli.CommandLine.Option;

/** Ports and data handling of the local Elasticsearch and Kafka, shared by the commands. */
final class LocalStackOptions {

    @Option(
            names = "--es-port",
            defaultValue = "9200",
            description = "Elasticsearch HTTP port (0 = any free port). Default: ${DEFAULT-VALUE}")
    int esPort;

    @Option(
            names = "--kafka-port",
            defaultValue = "9092",
            description = "Kafka port (0 = any free port). Default: ${DEFAULT-VALUE}")
    int kafkaPort;

    @Option(
            names = "--keep-data",
            description = "Keep Elasticsearch's data folder on exit (default: removed)")
    boolean keepData;

    LocalStack start() {
        return LocalStack.start(
                ElasticsearchOptions.defaults().withHttpPort(esPort).withKeepData(keepData),
                KafkaOptions.defaults().withPort(kafkaPort));
    }
}
