package io.github.clickstream.appliance.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.mappings.TemplateFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The saved objects would import into Kibana 8.19 and show data: every line is a saved object of a
 * Kibana type, ids are unique, every reference and dashboard panel resolves, each Lens layer names
 * its data view, and every field a visualization, query or saved search uses exists in the index
 * templates with a type its aggregation accepts.
 */
class SavedObjectsTest {

    /** Types Kibana 8.19 imports through the saved objects API (the ones we may use). */
    private static final Set<String> KIBANA_TYPES =
            Set.of(
                    "index-pattern",
                    "lens",
                    "dashboard",
                    "search",
                    "visualization",
                    "map",
                    "tag",
                    "config");

    /** The data views the dashboards read: id, alias and time field. */
    private static final Map<String, List<String>> DATA_VIEWS =
            Map.of(
                    "appliance-users", List.of("users", "updated_at"),
                    "appliance-items", List.of("items", "updated_at"),
                    "appliance-sessions", List.of("sessions", "start"),
                    "appliance-metrics", List.of("metrics", "bucket_start"),
                    "appliance-dead-letters", List.of("dead-letters", "received_at"));

    private final SavedObjects objects = SavedObjects.read();
    private final IndexFields fields = IndexFields.fromTemplates();

    @Test
    void everyLineIsASavedObjectOfAKibanaType() {
        assertThat(objects.all()).isNotEmpty();
        for (JsonNode o : objects.all()) {
            assertThat(o.path("id").asText()).as("id of %s", o).isNotBlank();
            assertThat(o.path("attributes").isObject()).as("attributes of %s", id(o)).isTrue();
            assertThat(o.path("attributes").path("title").asText())
                    .as("title of %s", id(o))
                    .isNotBlank();
            assertThat(o.path("references").isArray()).as("references of %s", id(o)).isTrue();
            assertThat(o.path("type").asText()).as("type of %s", id(o)).isIn(KIBANA_TYPES);
            assertThat(o.path("coreMigrationVersion").asText()).isEqualTo("8.8.0");
            assertThat(o.path("typeMigrationVersion").asText())
                    .as("typeMigrationVersion of %s", id(o))
                    .matches("\\d+\\.\\d+\\.\\d+");
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (JsonNode o : objects.all()) {
            assertThat(seen.add(o.path("id").asText())).as("duplicate id %s", id(o)).isTrue();
        }
    }

    @Test
    void everyReferenceResolvesToAnObjectInTheFile() {
        for (JsonNode o : objects.all()) {
            for (JsonNode reference : o.path("references")) {
                String type = reference.path("type").asText();
                String refId = reference.path("id").asText();
                assertThat(reference.path("name").asText()).isNotBlank();
                assertThat(objects.find(type, refId))
                        .as("%s references %s %s", id(o), type, refId)
                        .isPresent();
            }
        }
    }

    @Test
    void dataViewsCoverEveryAliasWithItsTimeField() {
        assertThat(objects.ofType("index-pattern")).hasSize(DATA_VIEWS.size());
        assertThat(DATA_VIEWS.values().stream().map(v -> v.get(0)))
                .containsExactlyInAnyOrderElementsOf(TemplateFiles.FAMILIES);
        DATA_VIEWS.forEach(
                (dataViewId, aliasAndTime) -> {
                    JsonNode view = objects.find("index-pattern", dataViewId).orElseThrow();
                    JsonNode attributes = view.path("attributes");
                    String alias = aliasAndTime.get(0);
                    String timeField = aliasAndTime.get(1);
                    assertThat(attributes.path("title").asText()).isEqualTo(alias);
                    assertThat(attributes.path("timeFieldName").asText()).isEqualTo(timeField);
                    assertThat(fields.field(alias, timeField))
                            .as("time field %s of %s", timeField, alias)
                            .hasValueSatisfying(f -> assertThat(f.type()).isEqualTo("date"));
                    SavedObjects.parseEmbedded(attributes.path("fieldFormatMap"))
                            .fieldNames()
                            .forEachRemaining(
                                    f ->
                                            assertThat(fields.field(alias, f))
                                                    .as("formatted field %s of %s", f, alias)
                                                    .isPresent());
                });
    }

    @Test
    void everyDashboardPanelShowsAnObjectOfTheFile() {
        assertThat(objects.ofType("dashboard")).hasSize(6);
        for (JsonNode dashboard : objects.ofType("dashboard")) {
            JsonNode attributes = dashboard.path("attributes");
            assertThat(attributes.path("description").asText()).isNotBlank();
            JsonNode panels = SavedObjects.parseEmbedded(attributes.path("panelsJSON"));
            assertThat(panels.isArray() && !panels.isEmpty()).isTrue();
            Set<String> panelIndices = new HashSet<>();
            Set<String> usedReferences = new HashSet<>();
            for (JsonNode panel : panels) {
                String panelIndex = panel.path("panelIndex").asText();
                assertThat(panelIndices.add(panelIndex)).as("panel %s", panelIndex).isTrue();
                assertThat(panel.path("gridData").path("i").asText()).isEqualTo(panelIndex);
                assertThat(
                                panel.path("gridData").path("x").asInt()
                                        + panel.path("gridData").path("w").asInt())
                        .as("panel %s fits the 48-column grid", panelIndex)
                        .isBetween(1, 48);
                if (panel.has("panelRefName")) {
                    String name = panelIndex + ":" + panel.path("panelRefName").asText();
                    String target = SavedObjects.referenceId(dashboard, name).orElse(null);
                    assertThat(target).as("%s panel %s", id(dashboard), name).isNotNull();
                    assertThat(objects.find(panel.path("type").asText(), target))
                            .as("%s panel %s shows %s", id(dashboard), panelIndex, target)
                            .isPresent();
                    usedReferences.add(name);
                } else {
                    JsonNode byValue = panel.path("embeddableConfig").path("attributes");
                    assertThat(panel.path("type").asText()).isEqualTo("lens");
                    assertThat(byValue.path("state").path("datasourceStates").isObject())
                            .as("%s panel %s is a by-value Lens", id(dashboard), panelIndex)
                            .isTrue();
                }
            }
            for (JsonNode reference : dashboard.path("references")) {
                assertThat(usedReferences)
                        .as("%s has an unused reference", id(dashboard))
                        .contains(reference.path("name").asText());
            }
        }
    }

    @Test
    void everyLensLayerReferencesItsDataViewAndItsColumnsExist() {
        assertThat(objects.ofType("lens")).isNotEmpty();
        for (JsonNode lens : objects.ofType("lens")) {
            List<LensLayer> layers = LensLayer.of(lens, objects);
            assertThat(layers).as("layers of %s", id(lens)).isNotEmpty();
            Set<String> layerReferences = new HashSet<>();
            for (LensLayer layer : layers) {
                layerReferences.add(LensLayer.REFERENCE_PREFIX + layer.layerId());
                assertThat(layer.columnOrder())
                        .as("column order of %s", id(lens))
                        .containsExactlyInAnyOrderElementsOf(layer.columns().keySet());
                for (String columnId : layer.columnOrder()) {
                    for (JsonNode ref : layer.column(columnId).path("references")) {
                        assertThat(layer.columns()).containsKey(ref.asText());
                    }
                    JsonNode ast = layer.column(columnId).path("params").path("tinymathAst");
                    TinyMath.columnsOf(ast)
                            .forEach(
                                    part ->
                                            assertThat(layer.columns())
                                                    .as("%s formula part", id(lens))
                                                    .containsKey(part));
                }
            }
            for (JsonNode reference : lens.path("references")) {
                assertThat(reference.path("type").asText()).isEqualTo("index-pattern");
                assertThat(layerReferences)
                        .as("%s reference to no layer", id(lens))
                        .contains(reference.path("name").asText());
            }
            assertThat(accessors(lens.path("attributes").path("state").path("visualization")))
                    .as("columns %s shows", id(lens))
                    .isNotEmpty()
                    .allSatisfy(
                            a ->
                                    assertThat(
                                                    layers.stream()
                                                            .anyMatch(
                                                                    l ->
                                                                            l.columns()
                                                                                    .containsKey(
                                                                                            a)))
                                            .as("%s shows column %s", id(lens), a)
                                            .isTrue());
        }
    }

    @Test
    void everyFieldAVisualizationUsesExistsWithASuitableType() {
        assertThat(new FieldUsage(objects, fields).problems()).isEmpty();
    }

    /** Column ids a Lens visualization state shows (accessor properties, any chart type). */
    private static List<String> accessors(JsonNode visualization) {
        List<String> ids = new ArrayList<>();
        visualization
                .fields()
                .forEachRemaining(
                        e -> {
                            String key = e.getKey();
                            JsonNode value = e.getValue();
                            if (key.endsWith("Accessor") && value.isTextual()) {
                                ids.add(value.asText());
                            } else if (key.equals("accessors") || key.equals("columns")) {
                                value.forEach(
                                        a ->
                                                ids.add(
                                                        a.isTextual()
                                                                ? a.asText()
                                                                : a.path("columnId").asText()));
                            } else if (value.isObject()) {
                                ids.addAll(accessors(value));
                            } else if (value.isArray()) {
                                value.forEach(
                                        child -> {
                                            if (child.isObject()) {
                                                ids.addAll(accessors(child));
                                            }
                                        });
                            }
                        });
        return ids;
    }

    private static String id(JsonNode o) {
        return o.path("type").asText() + " " + o.path("id").asText();
    }
}
