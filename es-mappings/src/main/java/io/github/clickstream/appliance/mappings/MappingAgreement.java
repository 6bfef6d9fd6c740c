package io.github.clickstream.appliance.mappings;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a document record with the {@code properties} of its mapping: the same field names (as
 * Jackson writes them) and compatible types, recursing into nested records. Adding a field to one
 * side only is a difference, so records and mappings cannot drift apart silently.
 */
public final class MappingAgreement {

    private static final Map<Class<?>, Set<String>> COMPATIBLE =
            Map.ofEntries(
                    Map.entry(String.class, Set.of("keyword", "text")),
                    Map.entry(Instant.class, Set.of("date")),
                    Map.entry(Double.class, Set.of("double", "float", "half_float")),
                    Map.entry(double.class, Set.of("double", "float", "half_float")),
                    Map.entry(Float.class, Set.of("float", "half_float")),
                    Map.entry(float.class, Set.of("float", "half_float")),
                    Map.entry(Integer.class, Set.of("integer")),
                    Map.entry(int.class, Set.of("integer")),
                    Map.entry(Long.class, Set.of("long")),
                    Map.entry(long.class, Set.of("long")),
                    Map.entry(Boolean.class, Set.of("boolean")),
                    Map.entry(boolean.class, Set.of("boolean")),
                    Map.entry(float[].class, Set.of("dense_vector")));

    private final ObjectMapper mapper;

    public MappingAgreement(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The differences between a record and a mapping's {@code properties} object; empty when they
     * agree.
     */
    public List<String> differences(Class<?> record, JsonNode properties) {
        List<String> differences = new ArrayList<>();
        compare(mapper.constructType(record), properties, "", differences);
        return differences;
    }

    private void compare(JavaType type, JsonNode properties, String path, List<String> out) {
        Set<String> mapped = new TreeSet<>();
        properties.fieldNames().forEachRemaining(mapped::add);
        for (BeanPropertyDefinition property : beanProperties(type)) {
            String name = property.getName();
            String field = path + name;
            JsonNode mapping = properties.get(name);
            if (mapping == null) {
                out.add(field + ": in the record but not in the mapping");
                continue;
            }
            mapped.remove(name);
            compareType(property.getPrimaryType(), mapping, field, out);
        }
        for (String name : mapped) {
            out.add(path + name + ": in the mapping but not in the record");
        }
    }

    private void compareType(JavaType type, JsonNode mapping, String field, List<String> out) {
        String esType = mapping.path("type").asText("object");
        JavaType element = type.isCollectionLikeType() ? type.getContentType() : type;
        if (element.getRawClass().isRecord()) {
            if (!esType.equals("nested") && !esType.equals("object")) {
                out.add(field + ": a record in Java but " + esType + " in the mapping");
                return;
            }
            compare(element, mapping.path("properties"), field + ".", out);
            return;
        }
        Set<String> allowed = COMPATIBLE.get(element.getRawClass());
        if (allowed == null || !allowed.contains(esType)) {
            out.add(
                    field
                            + ": "
                            + element.getRawClass().getSimpleName()
                            + " in Java but "
                            + esType
                            + " in the mapping");
        }
    }

    private List<BeanPropertyDefinition> beanProperties(JavaType type) {
        return mapper.getSerializationConfig().introspect(type).findProperties();
    }

    /** The {@code properties} node of a component template file's mappings. */
    public static JsonNode propertiesOf(JsonNode componentTemplate) {
        return componentTemplate.path("template").path("mappings").path("properties");
    }
}
