package io.github.clickstream.appliance.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One data layer of a Lens visualization (form-based datasource): the index its data view names
 * (found through the {@code indexpattern-datasource-layer-<layerId>} reference), the
 * visualization's KQL query, and the columns in Lens's order (bucket columns first, outermost
 * first).
 */
public record LensLayer(
        String lensId,
        String layerId,
        String dataViewId,
        String index,
        String query,
        Map<String, JsonNode> columns,
        List<String> columnOrder) {

    public static final String REFERENCE_PREFIX = "indexpattern-datasource-layer-";

    public static List<LensLayer> of(JsonNode lens, SavedObjects objects) {
        JsonNode state = lens.path("attributes").path("state");
        List<LensLayer> layers = new ArrayList<>();
        state.path("datasourceStates")
                .path("formBased")
                .path("layers")
                .fields()
                .forEachRemaining(
                        e -> {
                            String layerId = e.getKey();
                            String dataViewId =
                                    SavedObjects.referenceId(lens, REFERENCE_PREFIX + layerId)
                                            .orElseThrow(
                                                    () ->
                                                            new IllegalStateException(
                                                                    lens.path("id").asText()
                                                                            + " has no reference"
                                                                            + " for layer "
                                                                            + layerId));
                            Map<String, JsonNode> columns = new LinkedHashMap<>();
                            e.getValue()
                                    .path("columns")
                                    .fields()
                                    .forEachRemaining(c -> columns.put(c.getKey(), c.getValue()));
                            List<String> order = new ArrayList<>();
                            e.getValue().path("columnOrder").forEach(c -> order.add(c.asText()));
                            layers.add(
                                    new LensLayer(
                                            lens.path("id").asText(),
                                            layerId,
                                            dataViewId,
                                            objects.indexOfDataView(dataViewId),
                                            state.path("query").path("query").asText(""),
                                            columns,
                                            order));
                        });
        return layers;
    }

    public JsonNode column(String id) {
        JsonNode column = columns.get(id);
        if (column == null) {
            throw new IllegalStateException(lensId + " has no column " + id);
        }
        return column;
    }

    public String operation(String columnId) {
        return column(columnId).path("operationType").asText();
    }

    public List<String> bucketColumns() {
        return columnOrder.stream()
                .filter(id -> column(id).path("isBucketed").asBoolean())
                .toList();
    }

    /** Columns Elasticsearch computes: metrics, including the hidden parts of formulas. */
    public List<String> metricColumns() {
        return columnOrder.stream()
                .filter(id -> !column(id).path("isBucketed").asBoolean())
                .filter(id -> !isCalculated(id))
                .toList();
    }

    /** Columns Lens computes from other columns after the query: formulas and their math. */
    public boolean isCalculated(String columnId) {
        String operation = operation(columnId);
        return "formula".equals(operation) || "math".equals(operation);
    }

    /** The columns a chart shows: everything but the hidden parts of formulas. */
    public List<String> visibleColumns() {
        return columnOrder.stream()
                .filter(id -> columnOrder.stream().noneMatch(o -> isPartOf(id, o)))
                .toList();
    }

    private boolean isPartOf(String part, String formula) {
        return !part.equals(formula)
                && "formula".equals(operation(formula))
                && part.startsWith(formula + "X");
    }

    /** KQL filters: the visualization's query and each column's own filter. */
    public List<String> queries() {
        List<String> queries = new ArrayList<>();
        queries.add(query);
        columns.values().forEach(c -> queries.add(c.path("filter").path("query").asText("")));
        return queries.stream().filter(q -> !q.isBlank()).toList();
    }
}
