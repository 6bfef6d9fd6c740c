package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.metrics.CohortMetric;
import io.github.clickstream.appliance.metrics.FunnelMetric;
import io.github.clickstream.appliance.metrics.ProductMetric;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.sink.DocumentWrite;
import io.github.clickstream.appliance.sink.SinkDocuments;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/** What the pipeline produces: sessions, user features, metrics and every dead letter. */
public record PipelineOutputs(
        DataStream<SessionSummary> sessions,
        DataStream<UserFeatures> users,
        DataStream<FunnelMetric> funnelMetrics,
        DataStream<ProductMetric> productMetrics,
        DataStream<CohortMetric> cohortMetrics,
        DataStream<DeadLetter> deadLetters) {

    /** All outputs as Elasticsearch writes, for one sink. */
    public DataStream<DocumentWrite> documentWrites() {
        DataStream<DocumentWrite> sessionWrites =
                sessions.flatMap(
                                (SessionSummary session, Collector<DocumentWrite> out) ->
                                        SinkDocuments.session(session).forEach(out::collect))
                        .returns(DocumentWrite.class)
                        .uid("session-documents")
                        .name("Session documents");
        DataStream<DocumentWrite> userWrites =
                users.map(SinkDocuments::userFeatures)
                        .returns(DocumentWrite.class)
                        .uid("user-documents")
                        .name("User documents");
        DataStream<DocumentWrite> deadLetterWrites =
                deadLetters
                        .map(SinkDocuments::deadLetter)
                        .returns(DocumentWrite.class)
                        .uid("dead-letter-documents")
                        .name("Dead-letter documents");
        DataStream<DocumentWrite> metricWrites =
                funnelMetrics
                        .map(SinkDocuments::funnelMetric)
                        .returns(DocumentWrite.class)
                        .uid("funnel-metric-documents")
                        .name("Funnel metric documents");
        DataStream<DocumentWrite> productWrites =
                productMetrics
                        .map(SinkDocuments::productMetric)
                        .returns(DocumentWrite.class)
                        .uid("product-metric-documents")
                        .name("Product metric documents");
        DataStream<DocumentWrite> cohortWrites =
                cohortMetrics
                        .map(SinkDocuments::cohortMetric)
                        .returns(DocumentWrite.class)
                        .uid("cohort-metric-documents")
                        .name("Cohort metric documents");
        return sessionWrites.union(
                userWrites, metricWrites, productWrites, cohortWrites, deadLetterWrites);
    }
}
