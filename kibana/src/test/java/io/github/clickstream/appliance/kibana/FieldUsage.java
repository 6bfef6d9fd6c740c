package io.github.clickstream.appliance.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists every field the saved objects use that the index templates do not back: Lens columns
 * (source field, and whether their operation can aggregate its type), KQL queries and column
 * filters, and saved searches' columns, sort and query. Empty when all is well.
 */
final class FieldUsage {

    private final SavedObjects objects;
    private final IndexFields fields;
    private final List<String> problems = new ArrayList<>();

    FieldUsage(SavedObjects objects, IndexFields fields) {
        this.objects = objects;
        this.fields = fields;
    }

    List<String> problems() {
        problems.clear();
        for (JsonNode lens : objects.ofType("lens")) {
            for (LensLayer layer : LensLayer.of(lens, objects)) {
                String owner = "lens " + layer.lensId();
                layer.columnOrder().stream()
                        .filter(id -> !layer.isCalculated(id))
                        .forEach(id -> checkColumn(owner, layer.index(), layer.column(id)));
                layer.queries().forEach(q -> checkQuery(owner, layer.index(), q));
            }
        }
        objects.ofType("search").forEach(this::checkSavedSearch);
        return List.copyOf(problems);
    }

    private void checkColumn(String owner, String index, JsonNode column) {
        String operation = column.path("operationType").asText();
        String source = column.path("sourceField").asText("");
        if (source.isEmpty() || FieldRules.RECORDS.equals(source)) {
            if (!"count".equals(operation)) {
                problems.add(owner + ": " + operation + " without a field");
            }
            return;
        }
        fields.field(index, source)
                .ifPresentOrElse(
                        f -> report(owner, FieldRules.problem(operation, f)),
                        () -> problems.add(owner + ": no field " + source + " in " + index));
    }

    private void checkSavedSearch(JsonNode search) {
        String owner = "search " + search.path("id").asText();
        JsonNode attributes = search.path("attributes");
        JsonNode source =
                SavedObjects.parseEmbedded(
                        attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON"));
        String refName = source.path("indexRefName").asText();
        String index =
                objects.indexOfDataView(SavedObjects.referenceId(search, refName).orElseThrow());
        List<String> used = new ArrayList<>();
        attributes.path("columns").forEach(c -> used.add(c.asText()));
        attributes.path("sort").forEach(s -> used.add(s.get(0).asText()));
        for (String name : used) {
            if (fields.field(index, name).isEmpty()) {
                problems.add(owner + ": no field " + name + " in " + index);
            }
        }
        checkQuery(owner, index, source.path("query").path("query").asText(""));
    }

    private void checkQuery(String owner, String index, String kql) {
        for (Kql.Clause clause : Kql.parse(kql)) {
            fields.field(index, clause.field())
                    .ifPresentOrElse(
                            f ->
                                    report(
                                            owner + ": query '" + kql + "'",
                                            FieldRules.queryProblem(clause.operator(), f)),
                            () ->
                                    problems.add(
                                            owner
                                                    + ": query '"
                                                    + kql
                                                    + "' names no field of "
                                                    + index));
        }
    }

    private void report(String owner, String problem) {
        if (problem != null) {
            problems.add(owner + ": " + problem);
        }
    }
}
