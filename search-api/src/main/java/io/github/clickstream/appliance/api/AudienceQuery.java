package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.mappings.TemplateFiles;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tiny audience query language of the lookalike endpoint: a map of user field to either a range
 * ({@code {"gte": 0.7, "lte": 1}}) or a list of keyword values ({@code ["at-risk"]}), all of which
 * must hold. The fields allowed, and whether each takes a range or values, come from the {@code
 * users@mappings} template file, so new scores become filterable without code changes.
 */
final class AudienceQuery {

    private static final int MAX_VALUES = 100;
    private static final Set<String> NUMERIC_TYPES =
            Set.of("long", "integer", "short", "byte", "double", "float", "half_float");
    private static final Set<String> RANGE_BOUNDS = Set.of("gte", "lte");

    /** Filterable field name to its Elasticsearch type (keyword, date or a numeric type). */
    private final Map<String, String> fieldTypes;

    AudienceQuery(Map<String, String> fieldTypes) {
        this.fieldTypes = fieldTypes;
    }

    /** The top-level keyword, date and numeric fields of the users mapping. */
    static AudienceQuery fromUsersMapping() {
        JsonNode properties =
                TemplateFiles.read("users@mappings")
                        .path("template")
                        .path("mappings")
                        .path("properties");
        Map<String, String> types = new TreeMap<>();
        properties
                .fields()
                .forEachRemaining(
                        field -> {
                            String type = field.getValue().path("type").asText();
                            if (type.equals("keyword")
                                    || type.equals("date")
                                    || NUMERIC_TYPES.contains(type)) {
                                types.put(field.getKey(), type);
                            }
                        });
        return new AudienceQuery(types);
    }

    Query toQuery(Map<String, JsonNode> conditions) {
        if (conditions.isEmpty()) {
            throw ApiException.invalidParameter(
                    "query needs at least one field, e.g. {\"churn_risk\": {\"gte\": 0.7}}");
        }
        List<Query> clauses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> condition : conditions.entrySet()) {
            String field = condition.getKey();
            String type = fieldTypes.get(field);
            if (type == null) {
                throw ApiException.unknownField(
                        "Unknown field '"
                                + field
                                + "' in query; filterable fields: "
                                + String.join(", ", fieldTypes.keySet()));
            }
            clauses.add(clause(field, type, condition.getValue()));
        }
        return Queries.allOf(clauses);
    }

    private static Query clause(String field, String type, JsonNode value) {
        if (type.equals("keyword")) {
            return Queries.terms(field, keywords(field, value));
        }
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw ApiException.invalidParameter(
                    "query." + field + " must be a range like {\"gte\": ..., \"lte\": ...}");
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String bound = names.next();
            if (!RANGE_BOUNDS.contains(bound)) {
                throw ApiException.unknownField(
                        "Unknown bound '" + bound + "' in query." + field + "; use gte and lte");
            }
        }
        return type.equals("date")
                ? dateRange(field, value.get("gte"), value.get("lte"))
                : numberRange(field, value.get("gte"), value.get("lte"));
    }

    private static List<String> keywords(String field, JsonNode value) {
        if (value != null && value.isTextual()) {
            return List.of(value.asText());
        }
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
            throw ApiException.invalidParameter(
                    "query."
                            + field
                            + " must be a list of 1 to "
                            + MAX_VALUES
                            + " values, e.g. [\"a\", \"b\"]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw ApiException.invalidParameter("query." + field + " values must be strings");
            }
            values.add(element.asText());
        }
        return values;
    }

    private static Query numberRange(String field, JsonNode gte, JsonNode lte) {
        Double low = number(field, "gte", gte);
        Double high = number(field, "lte", lte);
        requireBound(field, low, high);
        if (low != null && high != null && low > high) {
            throw ApiException.invalidParameter(
                    "query." + field + ": gte (" + low + ") is greater than lte (" + high + ")");
        }
        return Queries.numberRange(field, low, high);
    }

    private static void requireBound(String field, Object low, Object high) {
        if (low == null && high == null) {
            throw ApiException.invalidParameter("query." + field + " needs gte, lte or both");
        }
    }

    private static Double number(String field, String bound, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw ApiException.invalidParameter(
                    "query." + field + "." + bound + " must be a number");
        }
        return node.asDouble();
    }

    private static Query dateRange(String field, JsonNode gte, JsonNode lte) {
        Instant low = instant(field, "gte", gte);
        Instant high = instant(field, "lte", lte);
        requireBound(field, low, high);
        if (low != null && high != null && low.isAfter(high)) {
            throw ApiException.invalidParameter(
                    "query." + field + ": gte (" + low + ") is after lte (" + high + ")");
        }
        return Queries.dateRange(
                field, low == null ? null : low.toString(), high == null ? null : high.toString());
    }

    /**
     * ISO-8601 with offset, or a date (start of day, UTC); checked here so Elasticsearch never sees
     * a bad date.
     */
    private static Instant instant(String field, String bound, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText();
        try {
            return text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(
                    "query."
                            + field
                            + "."
                            + bound
                            + " must be a date like 2026-11-23 or 2026-11-23T10:15:00Z, got '"
                            + text
                            + "'");
        }
    }
}
