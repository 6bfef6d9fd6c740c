package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.RangeBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Per-segment statistics of the users index in one aggregation request: size, mean purchase
 * propensity, mean churn risk, summed 30-day revenue, and how many users fall in each churn-risk
 * band; the bands also for all users together.
 */
final class SegmentStatistics {

    /** churn_risk below this is low risk. */
    static final double MEDIUM_RISK_FROM = 0.3;

    /** churn_risk at or above this is high risk. */
    static final double HIGH_RISK_FROM = 0.7;

    /** Far more than the k-means segments there are; more would be a bug upstream. */
    static final int MAX_SEGMENTS = 1000;

    /** Users per churn-risk band; {@code unscored} have no churn_risk yet. */
    record Bands(long low, long medium, long high, long unscored) {}

    record Segment(
            String segmentName,
            long users,
            Double meanPurchasePropensity,
            Double meanChurnRisk,
            @JsonProperty("revenue_30d") double revenue30d,
            Bands churnRiskBands) {}

    /** The response body; {@code unsegmented_users} have no segment_name yet. */
    record Segments(
            long users, long unsegmentedUsers, Bands churnRiskBands, List<Segment> segments) {}

    private static final Aggregation BANDS = churnRiskBands();
    private static final Aggregation BY_SEGMENT = bySegment();

    private final ElasticsearchClient client;

    SegmentStatistics(ElasticsearchClient client) {
        this.client = client;
    }

    Segments compute() throws IOException {
        SearchResponse<Void> response =
                client.search(
                        s ->
                                s.index(UserSearches.INDEX)
                                        .size(0)
                                        .trackTotalHits(t -> t.enabled(true))
                                        .aggregations("segments", BY_SEGMENT)
                                        .aggregations("bands", BANDS)
                                        .aggregations(
                                                "unsegmented",
                                                m -> m.missing(x -> x.field("segment_name"))),
                        Void.class);
        long users = response.hits().total().value();
        Map<String, Aggregate> aggregations = response.aggregations();
        List<Segment> segments =
                aggregations.get("segments").sterms().buckets().array().stream()
                        .map(SegmentStatistics::segment)
                        .toList();
        return new Segments(
                users,
                aggregations.get("unsegmented").missing().docCount(),
                bands(aggregations.get("bands"), users),
                segments);
    }

    private static Segment segment(StringTermsBucket bucket) {
        Map<String, Aggregate> stats = bucket.aggregations();
        return new Segment(
                bucket.key().stringValue(),
                bucket.docCount(),
                mean(stats.get("propensity").avg().value()),
                mean(stats.get("churn").avg().value()),
                stats.get("revenue").sum().value(),
                bands(stats.get("bands"), bucket.docCount()));
    }

    private static Bands bands(Aggregate range, long users) {
        long low = 0;
        long medium = 0;
        long high = 0;
        for (RangeBucket bucket : range.range().buckets().array()) {
            switch (bucket.key()) {
                case "low" -> low = bucket.docCount();
                case "medium" -> medium = bucket.docCount();
                case "high" -> high = bucket.docCount();
                default -> throw new IllegalStateException("Unexpected band " + bucket.key());
            }
        }
        return new Bands(low, medium, high, users - low - medium - high);
    }

    /** An average over no values comes back as NaN (JSON null); the API shows null. */
    private static Double mean(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static Aggregation churnRiskBands() {
        List<AggregationRange> ranges =
                List.of(
                        range("low", null, MEDIUM_RISK_FROM),
                        range("medium", MEDIUM_RISK_FROM, HIGH_RISK_FROM),
                        range("high", HIGH_RISK_FROM, null));
        return Aggregation.of(a -> a.range(r -> r.field("churn_risk").ranges(ranges)));
    }

    /** Largest segment first, name breaking ties. */
    private static Aggregation bySegment() {
        Map<String, Aggregation> statistics =
                Map.of(
                        "propensity",
                                Aggregation.of(a -> a.avg(m -> m.field("purchase_propensity"))),
                        "churn", Aggregation.of(a -> a.avg(m -> m.field("churn_risk"))),
                        "revenue", Aggregation.of(a -> a.sum(m -> m.field("revenue_30d"))),
                        "bands", BANDS);
        List<NamedValue<SortOrder>> order =
                List.of(
                        NamedValue.of("_count", SortOrder.Desc),
                        NamedValue.of("_key", SortOrder.Asc));
        return Aggregation.of(
                a ->
                        a.terms(t -> t.field("segment_name").size(MAX_SEGMENTS).order(order))
                                .aggregations(statistics));
    }

    private static AggregationRange range(String key, Double from, Double to) {
        return AggregationRange.of(r -> r.key(key).from(from).to(to));
    }
}
