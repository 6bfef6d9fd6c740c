package io.github.clickstream.appliance.sink;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A Flink Sink V2 that writes {@link DocumentWrite}s to Elasticsearch with bulk requests. Every
 * checkpoint flushes and waits for Elasticsearch's answer, so with deterministic ids a restart from
 * the last checkpoint leaves the indices exactly as a run without failures would (at least once
 * delivery, idempotent writes).
 */
public class ElasticsearchSink implements Sink<DocumentWrite> {

    private final ElasticsearchSinkConfig config;

    public ElasticsearchSink(ElasticsearchSinkConfig config) {
        this.config = config;
    }

    @Override
    public SinkWriter<DocumentWrite> createWriter(WriterInitContext context) {
        return new ElasticsearchSinkWriter(
                config, context.getProcessingTimeService(), context.metricGroup());
    }
}
