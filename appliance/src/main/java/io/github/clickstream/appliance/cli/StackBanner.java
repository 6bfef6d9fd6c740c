package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.localstack.LocalStack;
import java.io.PrintWriter;

/** Prints where the local services listen. */
final class StackBanner {

    private StackBanner() {}

    static void print(PrintWriter out, LocalStack stack) {
        out.println("Elasticsearch: " + stack.elasticsearch().httpUrl());
        out.println("Kafka:         " + stack.kafka().bootstrapServers());
    }
}
