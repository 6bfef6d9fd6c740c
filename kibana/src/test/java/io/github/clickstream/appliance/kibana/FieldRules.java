package io.github.clickstream.appliance.kibana;

import io.github.clickstream.appliance.kibana.IndexFields.Field;
import java.util.Map;
import java.util.Set;

/**
 * Which Elasticsearch field types each Lens operation can aggregate, as Lens offers them: top
 * values on keyword, numeric and boolean fields (never text), date histograms on dates, sums and
 * averages on numbers, min and max on numbers and dates. Fields inside {@code nested} objects and
 * unindexed fields cannot be aggregated at all.
 */
public final class FieldRules {

    public static final String RECORDS = "___records___";

    private static final Set<String> NUMERIC =
            Set.of(
                    "long",
                    "integer",
                    "short",
                    "byte",
                    "double",
                    "float",
                    "half_float",
                    "scaled_float",
                    "unsigned_long");
    private static final Set<String> DATES = Set.of("date", "date_nanos");
    private static final Set<String> TERMS = union(NUMERIC, Set.of("keyword", "boolean", "ip"));
    private static final Set<String> NUMERIC_OR_DATE = union(NUMERIC, DATES);
    private static final Set<String> ANY_AGGREGATABLE =
            union(TERMS, union(DATES, Set.of("constant_keyword")));

    private static final Map<String, Set<String>> OPERATIONS =
            Map.ofEntries(
                    Map.entry("date_histogram", DATES),
                    Map.entry("terms", TERMS),
                    Map.entry("range", NUMERIC),
                    Map.entry("sum", NUMERIC),
                    Map.entry("average", NUMERIC),
                    Map.entry("median", NUMERIC),
                    Map.entry("standard_deviation", NUMERIC),
                    Map.entry("percentile", NUMERIC),
                    Map.entry("min", NUMERIC_OR_DATE),
                    Map.entry("max", NUMERIC_OR_DATE),
                    Map.entry("unique_count", ANY_AGGREGATABLE),
                    Map.entry("count", ANY_AGGREGATABLE),
                    Map.entry("last_value", ANY_AGGREGATABLE));

    private FieldRules() {}

    public static boolean isKnownOperation(String operation) {
        return OPERATIONS.containsKey(operation);
    }

    /** Null when the operation can aggregate the field, otherwise why not. */
    public static String problem(String operation, Field field) {
        if (!isKnownOperation(operation)) {
            return "unknown Lens operation " + operation;
        }
        if (field.nested()) {
            return field.name() + " is inside a nested object; Lens cannot aggregate it";
        }
        if (!field.indexed()) {
            return field.name() + " is not indexed";
        }
        if (!OPERATIONS.get(operation).contains(field.type())) {
            return operation
                    + " cannot aggregate "
                    + field.name()
                    + " of type "
                    + field.type()
                    + " (needs one of "
                    + OPERATIONS.get(operation)
                    + ")";
        }
        return null;
    }

    /** Null when a KQL clause with this operator can filter on the field, otherwise why not. */
    public static String queryProblem(String operator, Field field) {
        if (field.nested()) {
            return field.name() + " is nested; KQL needs the nested syntax for it";
        }
        if (!field.indexed()) {
            return field.name() + " is not indexed";
        }
        if (!":".equals(operator) && !NUMERIC_OR_DATE.contains(field.type())) {
            return "range " + operator + " on " + field.name() + " of type " + field.type();
        }
        return null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Set.copyOf(
                java.util.stream.Stream.concat(a.stream(), b.stream())
                        .collect(java.util.stream.Collectors.toSet()));
    }
}
