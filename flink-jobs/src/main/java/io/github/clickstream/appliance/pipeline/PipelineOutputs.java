package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.metrics.CohortMetric;
import io.github.clickstream.appliance.metrics.FunnelMetric;
import io.github.clickstream.appliance.metrics.ProductMetric;
import io.github.clickstream.appliance.scoring.MarketingAction;
import io.github.clickstream.appliance.scoring.ScoredUser;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.similarity.ItemSimilarity;
import io.github.clickstream.appliance.sink.DocumentWrite;
import io.github.clickstream.appliance.sink.SinkDocuments;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.util.Collector;

/**
 * What the pipeline produces: sessions, user features and their scores, marketing actions, metrics
 * and every dead letter.
 */
public record PipelineOutputs(
        DataStream<SessionSummary> sessions,
        DataStream<UserFeatures> users,
        DataStream<ScoredUser> scoredUsers,
        DataStream<MarketingAction> marketingActions,
        ItemSimilarity.Outputs similarity,
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
        return sessionWrites.union(
                writes(scoredUsers, SinkDocuments::user, "user-documents", "User documents"),
                writes(similarity.items(), SinkDocuments::item, "item-documents", "Item documents"),
                writes(
                        similarity.similarItems(),
                        SinkDocuments::similarItems,
                        "similar-item-documents",
                        "Similar items"),
                writes(
                        similarity.userTastes(),
                        SinkDocuments::userTaste,
                        "user-taste-documents",
                        "User taste vectors"),
                writes(
                        funnelMetrics,
                        SinkDocuments::funnelMetric,
                        "funnel-metric-documents",
                        "Funnel metric documents"),
                writes(
                        productMetrics,
                        SinkDocuments::productMetric,
                        "product-metric-documents",
                        "Product metric documents"),
                writes(
                        cohortMetrics,
                        SinkDocuments::cohortMetric,
                        "cohort-metric-documents",
                        "Cohort metric documents"),
                writes(
                        deadLetters,
                        SinkDocuments::deadLetter,
                        "dead-letter-documents",
                        "Dead-letter documents"));
    }

    private static <T> DataStream<DocumentWrite> writes(
            DataStream<T> stream, MapFunction<T, DocumentWrite> toWrite, String uid, String name) {
        return stream.map(toWrite).returns(DocumentWrite.class).uid(uid).name(name);
    }
}
