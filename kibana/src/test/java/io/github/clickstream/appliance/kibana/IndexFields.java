package io.github.clickstream.appliance.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.mappings.TemplateFiles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of each index family and their Elasticsearch types, read from the es-mappings module's
 * templates on the classpath ({@code users@mappings} ...), the fields' one source of truth.
 * Sub-fields of {@code nested} objects are listed as {@code parent.child} and marked nested, since
 * Lens cannot aggregate them.
 */
public final class IndexFields {

    /** One mapped field. */
    public record Field(String name, String type, boolean nested, boolean indexed) {}

    private final Map<String, Map<String, Field>> byIndex = new LinkedHashMap<>();

    private IndexFields() {}

    public static IndexFields fromTemplates() {
        IndexFields fields = new IndexFields();
        for (String family : TemplateFiles.FAMILIES) {
            Map<String, Field> index = new LinkedHashMap<>();
            JsonNode properties =
                    TemplateFiles.read(family + "@mappings")
                            .path("template")
                            .path("mappings")
                            .path("properties");
            collect(properties, "", false, index);
            fields.byIndex.put(family, index);
        }
        return fields;
    }

    private static void collect(
            JsonNode properties, String prefix, boolean nested, Map<String, Field> into) {
        properties
                .fields()
                .forEachRemaining(
                        e -> {
                            String name = prefix + e.getKey();
                            JsonNode mapping = e.getValue();
                            String type = mapping.path("type").asText("object");
                            into.put(
                                    name,
                                    new Field(
                                            name,
                                            type,
                                            nested,
                                            mapping.path("index").asBoolean(true)));
                            if (mapping.has("properties")) {
                                collect(
                                        mapping.path("properties"),
                                        name + ".",
                                        nested || "nested".equals(type),
                                        into);
                            }
                        });
    }

    public Optional<Field> field(String index, String name) {
        return Optional.ofNullable(byIndex.getOrDefault(index, Map.of()).get(name));
    }
}
