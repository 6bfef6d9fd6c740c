package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.metrics.FunnelAggregator;
import io.github.clickstream.appliance.metrics.FunnelBuckets;
import io.github.clickstream.appliance.metrics.FunnelMetric;
import io.github.clickstream.appliance.metrics.FunnelUpdate;
import io.github.clickstream.appliance.metrics.SessionSegments;
import io.github.clickstream.appliance.metrics.UserSegment;
import io.github.clickstream.appliance.scoring.ScoredUser;
import io.github.clickstream.appliance.sessions.SessionSummary;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Funnel counters per time bucket and dimension, computed from the sessions, each tagged with the
 * segment its shopper was scored into before it.
 */
final class FunnelMetrics {

    private FunnelMetrics() {}

    static DataStream<FunnelMetric> of(
            DataStream<SessionSummary> sessions,
            DataStream<ScoredUser> scored,
            DataStream<Erasure> erasures,
            PipelineConfig config) {
        DataStream<UserSegment> segments =
                scored.map(s -> new UserSegment(s.features().userId(), s.scores().segmentName()))
                        .returns(UserSegment.class)
                        .uid("user-segments")
                        .name("Segment of each scored user")
                        .union(
                                erasures.map(e -> UserSegment.erased(e.userId()))
                                        .returns(UserSegment.class)
                                        .uid("erased-user-segments")
                                        .name("Erasures as segment resets"));
        return sessions.keyBy(SessionSummary::userId)
                .connect(segments.keyBy(UserSegment::userId))
                .process(new SessionSegments(config.metricsRetention()))
                .uid("session-segments")
                .name("Tag sessions with the shopper's segment")
                .flatMap(new FunnelBuckets())
                .uid("funnel-buckets")
                .name("Funnel buckets of each session")
                .keyBy(FunnelUpdate::bucketId)
                .process(new FunnelAggregator(config.metricsRetention()))
                .uid("funnel-metrics")
                .name("Funnel metrics");
    }
}
