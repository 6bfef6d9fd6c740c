package io.github.clickstream.appliance.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a Lens layer's aggregation the way Lens builds it: the visualization's KQL as the query, one
 * bucket aggregation per bucket column nested in column order (date histogram, top values, ranges),
 * each metric column as a {@code filter} aggregation (its own KQL filter or all documents) around
 * the metric, and formulas evaluated per row afterwards. The result is Lens's table: one row per
 * leaf bucket, keyed by column id.
 */
public final class LensAggregations {

    private static final String VALUE = "value";

    private final ElasticsearchClient es;

    public LensAggregations(ElasticsearchClient es) {
        this.es = es;
    }

    public List<Map<String, Object>> rows(LensLayer layer) throws IOException {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        for (String id : layer.metricColumns()) {
            aggregations.put(id, metric(layer.column(id)));
        }
        List<String> buckets = layer.bucketColumns();
        for (int i = buckets.size() - 1; i >= 0; i--) {
            String id = buckets.get(i);
            Aggregation bucket = bucket(layer, id, aggregations);
            aggregations = Map.of(id, bucket);
        }
        Map<String, Aggregation> request = aggregations;
        SearchResponse<Void> response =
                es.search(
                        s ->
                                s.index(layer.index())
                                        .size(0)
                                        .query(Kql.toQuery(layer.query()))
                                        .aggregations(request),
                        Void.class);
        List<Map<String, Object>> rows = new ArrayList<>();
        collect(layer, 0, response.aggregations(), new LinkedHashMap<>(), rows);
        rows.forEach(row -> layer.columnOrder().forEach(id -> value(layer, id, row)));
        return rows;
    }

    private static Aggregation metric(JsonNode column) {
        String kql = column.path("filter").path("query").asText("");
        String field = column.path("sourceField").asText();
        Aggregation.Builder.ContainerBuilder filter =
                new Aggregation.Builder().filter(Kql.toQuery(kql));
        switch (column.path("operationType").asText()) {
            case "count" -> {}
            case "sum" -> filter.aggregations(VALUE, a -> a.sum(m -> m.field(field)));
            case "average" -> filter.aggregations(VALUE, a -> a.avg(m -> m.field(field)));
            case "max" -> filter.aggregations(VALUE, a -> a.max(m -> m.field(field)));
            case "min" -> filter.aggregations(VALUE, a -> a.min(m -> m.field(field)));
            case "unique_count" ->
                    filter.aggregations(VALUE, a -> a.cardinality(m -> m.field(field)));
            default ->
                    throw new IllegalArgumentException(
                            "Lens operation "
                                    + column.path("operationType").asText()
                                    + " is not translated by the test");
        }
        return filter.build();
    }

    private static Aggregation bucket(
            LensLayer layer, String id, Map<String, Aggregation> children) {
        JsonNode column = layer.column(id);
        String field = column.path("sourceField").asText();
        JsonNode params = column.path("params");
        Aggregation.Builder builder = new Aggregation.Builder();
        Aggregation.Builder.ContainerBuilder container =
                switch (column.path("operationType").asText()) {
                    case "date_histogram" ->
                            builder.dateHistogram(
                                    d ->
                                            d.field(field)
                                                    .calendarInterval(
                                                            calendarInterval(
                                                                    params.path("interval")
                                                                            .asText()))
                                                    .minDocCount(1));
                    case "terms" ->
                            builder.terms(
                                    t ->
                                            t.field(field)
                                                    .size(params.path("size").asInt(10))
                                                    .order(termsOrder(layer, params)));
                    case "range" -> builder.range(r -> r.field(field).ranges(ranges(params)));
                    default ->
                            throw new IllegalArgumentException(
                                    "Lens bucket operation "
                                            + column.path("operationType").asText()
                                            + " is not translated by the test");
                };
        return container.aggregations(children).build();
    }

    private static CalendarInterval calendarInterval(String interval) {
        return switch (interval) {
            case "1m" -> CalendarInterval.Minute;
            case "1h" -> CalendarInterval.Hour;
            case "1d" -> CalendarInterval.Day;
            case "1w" -> CalendarInterval.Week;
            case "1M" -> CalendarInterval.Month;
            default ->
                    throw new IllegalArgumentException(
                            "Date histogram interval " + interval + " is not translated");
        };
    }

    /** Lens orders top values by a metric column, or alphabetically. */
    private static List<NamedValue<SortOrder>> termsOrder(LensLayer layer, JsonNode params) {
        SortOrder direction =
                "asc".equals(params.path("orderDirection").asText())
                        ? SortOrder.Asc
                        : SortOrder.Desc;
        JsonNode orderBy = params.path("orderBy");
        if ("alphabetical".equals(orderBy.path("type").asText())) {
            return List.of(NamedValue.of("_key", direction));
        }
        String by = orderBy.path("columnId").asText();
        String operation = layer.operation(by);
        if ("count".equals(operation) || layer.isCalculated(by)) {
            // Lens orders by a formula through a helper metric; the count is close enough here.
            return List.of(NamedValue.of("_count", direction));
        }
        return List.of(NamedValue.of(by + ">" + VALUE, direction));
    }

    private static List<AggregationRange> ranges(JsonNode params) {
        List<AggregationRange> ranges = new ArrayList<>();
        for (JsonNode range : params.path("ranges")) {
            ranges.add(
                    AggregationRange.of(
                            r -> {
                                if (range.path("from").isNumber()) {
                                    r.from(range.path("from").asDouble());
                                }
                                if (range.path("to").isNumber()) {
                                    r.to(range.path("to").asDouble());
                                }
                                return r.key(range.path("label").asText());
                            }));
        }
        return ranges;
    }

    private static void collect(
            LensLayer layer,
            int depth,
            Map<String, Aggregate> aggregates,
            Map<String, Object> row,
            List<Map<String, Object>> rows) {
        List<String> buckets = layer.bucketColumns();
        if (depth == buckets.size()) {
            Map<String, Object> complete = new LinkedHashMap<>(row);
            for (String id : layer.metricColumns()) {
                complete.put(id, metricValue(layer.column(id), aggregates.get(id)));
            }
            rows.add(complete);
            return;
        }
        String id = buckets.get(depth);
        for (Bucket bucket : Bucket.of(aggregates.get(id))) {
            row.put(id, bucket.key());
            collect(layer, depth + 1, bucket.aggregations(), row, rows);
        }
        row.remove(id);
    }

    private static Double metricValue(JsonNode column, Aggregate filter) {
        if ("count".equals(column.path("operationType").asText())) {
            return (double) filter.filter().docCount();
        }
        Aggregate metric = filter.filter().aggregations().get(VALUE);
        double value =
                switch (metric._kind()) {
                    case Sum -> metric.sum().value();
                    case Avg -> metric.avg().value();
                    case Max -> metric.max().value();
                    case Min -> metric.min().value();
                    case Cardinality -> metric.cardinality().value();
                    default -> throw new IllegalStateException("Unexpected " + metric._kind());
                };
        // Elasticsearch answers null for a metric over no values; the client gives NaN.
        return Double.isNaN(value) ? null : value;
    }

    /** Fills in formula and math columns; Lens computes them from the metric columns. */
    private static Double value(LensLayer layer, String id, Map<String, Object> row) {
        if (!layer.isCalculated(id)) {
            return row.get(id) instanceof Double d ? d : null;
        }
        JsonNode column = layer.column(id);
        Double value =
                "formula".equals(column.path("operationType").asText())
                        ? value(layer, column.path("references").get(0).asText(), row)
                        : TinyMath.evaluate(
                                column.path("params").path("tinymathAst"),
                                part -> value(layer, part, row));
        row.put(id, value);
        return value;
    }
}
