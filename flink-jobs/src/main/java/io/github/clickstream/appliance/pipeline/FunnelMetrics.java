package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.metrics.FunnelAggregator;
import io.github.clickstream.appliance.metrics.FunnelBuckets;
import io.github.clickstream.appliance.metrics.FunnelMetric;
import io.github.clickstream.appliance.metrics.FunnelUpdate;
import io.github.clickstream.appliance.sessions.SessionSummary;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Funnel counters per time bucket and dimension, computed from the sessions. */
final class FunnelMetrics {

    private FunnelMetrics() {}

    static DataStream<FunnelMetric> of(DataStream<SessionSummary> sessions, PipelineConfig config) {
        return sessions.flatMap(new FunnelBuckets())
                .uid("funnel-buckets")
                .name("Funnel buckets of each session")
                .keyBy(FunnelUpdate::bucketId)
                .process(new FunnelAggregator(config.metricsRetention()))
                .uid("funnel-metrics")
                .name("Funnel metrics");
    }
}
