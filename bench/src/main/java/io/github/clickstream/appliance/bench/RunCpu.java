package io.github.clickstream.appliance.bench;

/**
 * CPU seconds used so far by every process of an end-to-end run: this JVM (the Flink MiniCluster;
 * nothing else of the benchmark runs while a job is timed), the Elasticsearch node and the Kafka
 * broker. The difference of two readings is what a run cost.
 */
record RunCpu(double flinkJvm, double elasticsearch, double kafka) {

    static RunCpu now(BenchElasticsearch es, BenchKafka kafka) {
        return new RunCpu(ProcessCpu.thisJvmNanos() / 1e9, es.cpuSeconds(), kafka.cpuSeconds());
    }

    RunCpu minus(RunCpu before) {
        return new RunCpu(
                flinkJvm - before.flinkJvm,
                elasticsearch - before.elasticsearch,
                kafka - before.kafka);
    }

    double total() {
        return flinkJvm + elasticsearch + kafka;
    }
}
