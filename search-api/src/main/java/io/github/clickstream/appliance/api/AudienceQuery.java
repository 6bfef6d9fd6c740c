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
 * The tiny audience query language of the lookalike ({@code query}) and audience ({@code filter})
 * endpoints: a map of user field to either a range ({@code {"gte": 0.7, "lte": 1}}) or a list of
 * keyword values ({@code ["at-risk"]}), all of which must hold. The fields allowed, and whether
 * each takes a range or values, come from the {@code users@mappings} template file, so new scores
 * become filterable without code changes; {@code segment} is accepted as a short name for {@code
 * segment_name}. Values only ever become term and range clauses, so query-string syntax or
 * wildcards in them match literally.
 */
final class AudienceQuery {

    private static final int MAX_VALUES = 100;
    private static final int MAX_VALUE_LENGTH = 256;
    private static final Map<String, String> ALIASES = Map.of("segment", "segment_name");
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

    /** The lookalike {@code query}: at least one condition. */
    Query toQuery(Map<String, JsonNode> conditions) {
        if (conditions.isEmpty()) {
            throw ApiException.invalidParameter(
                    "query needs at least one field, e.g. {\"churn_risk\": {\"gte\": 0.7}}");
        }
        return conditions("query", conditions);
    }

    /** An audience {@code filter}: a JSON object of conditions; {@code {}} selects every user. */
    Query toFilter(JsonNode filter) {
        if (filter == null || filter.isNull()) {
            throw ApiException.invalidParameter(
                    "filter is required, e.g. {\"churn_risk\": {\"gte\": 0.7}}; {} selects every"
                            + " user");
        }
        if (!filter.isObject()) {
            throw ApiException.invalidParameter(
                    "filter must be a JSON object of conditions, e.g. {\"segment\": [\"at-risk\"],"
                            + " \"churn_risk\": {\"gte\": 0.7}}; query strings and scripts are"
                            + " not accepted");
        }
        if (filter.isEmpty()) {
            return Queries.matchAll();
        }
        Map<String, JsonNode> conditions = new TreeMap<>();
        filter.fields().forEachRemaining(c -> conditions.put(c.getKey(), c.getValue()));
        return conditions("filter", conditions);
    }

    private Query conditions(String where, Map<String, JsonNode> conditions) {
        List<Query> clauses = new ArrayList<>();
        for (Map.Entry<String, JsonNode> condition : conditions.entrySet()) {
            String field = ALIASES.getOrDefault(condition.getKey(), condition.getKey());
            String type = fieldTypes.get(field);
            if (type == null) {
                throw ApiException.unknownField(
                        "Unknown field '"
                                + condition.getKey()
                                + "' in "
                                + where
                                + "; filterable fields: "
                                + String.join(", ", fieldTypes.keySet())
                                + " (segment for segment_name)");
            }
            clauses.add(
                    clause(where + "." + condition.getKey(), field, type, condition.getValue()));
        }
        return Queries.allOf(clauses);
    }

    /** {@code name} is how the request called the field, for messages. */
    private static Query clause(String name, String field, String type, JsonNode value) {
        if (type.equals("keyword")) {
            return Queries.terms(field, keywords(name, value));
        }
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw ApiException.invalidParameter(
                    name + " must be a range like {\"gte\": ..., \"lte\": ...}");
        }
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String bound = names.next();
            if (!RANGE_BOUNDS.contains(bound)) {
                throw ApiException.unknownField(
                        "Unknown bound '" + bound + "' in " + name + "; use gte and lte");
            }
        }
        return type.equals("date")
                ? dateRange(name, field, value.get("gte"), value.get("lte"))
                : numberRange(name, field, value.get("gte"), value.get("lte"));
    }

    private static List<String> keywords(String name, JsonNode value) {
        if (value != null && value.isTextual()) {
            return List.of(keyword(name, value));
        }
        if (value == null || !value.isArray() || value.isEmpty() || value.size() > MAX_VALUES) {
            throw ApiException.invalidParameter(
                    name
                            + " must be a list of 1 to "
                            + MAX_VALUES
                            + " values, e.g. [\"a\", \"b\"]");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            values.add(keyword(name, element));
        }
        return values;
    }

    private static String keyword(String name, JsonNode element) {
        if (!element.isTextual()) {
            throw ApiException.invalidParameter(name + " values must be strings");
        }
        String text = element.asText();
        if (text.isEmpty() || text.length() > MAX_VALUE_LENGTH) {
            throw ApiException.invalidParameter(
                    name + " values must be 1 to " + MAX_VALUE_LENGTH + " characters");
        }
        return text;
    }

    private static Query numberRange(String name, String field, JsonNode gte, JsonNode lte) {
        Double low = number(name, "gte", gte);
        Double high = number(name, "lte", lte);
        requireBound(name, low, high);
        if (low != null && high != null && low > high) {
            throw ApiException.invalidParameter(
                    name + ": gte (" + low + ") is greater than lte (" + high + ")");
        }
        return Queries.numberRange(field, low, high);
    }

    private static void requireBound(String name, Object low, Object high) {
        if (low == null && high == null) {
            throw ApiException.invalidParameter(name + " needs gte, lte or both");
        }
    }

    private static Double number(String name, String bound, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber() || !Double.isFinite(node.asDouble())) {
            throw ApiException.invalidParameter(name + "." + bound + " must be a number");
        }
        return node.asDouble();
    }

    private static Query dateRange(String name, String field, JsonNode gte, JsonNode lte) {
        Instant low = instant(name, "gte", gte);
        Instant high = instant(name, "lte", lte);
        requireBound(name, low, high);
        if (low != null && high != null && low.isAfter(high)) {
            throw ApiException.invalidParameter(
                    name + ": gte (" + low + ") is after lte (" + high + ")");
        }
        return Queries.dateRange(
                field, low == null ? null : low.toString(), high == null ? null : high.toString());
    }

    /**
     * ISO-8601 with offset, or a date (start of day, UTC); checked here so Elasticsearch never sees
     * a bad date.
     */
    private static Instant instant(String name, String bound, JsonNode node) {
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
                    name
                            + "."
                            + bound
                            + " must be a date like 2026-11-23 or 2026-11-23T10:15:00Z, got '"
                            + text
                            + "'");
        }
    }
}
