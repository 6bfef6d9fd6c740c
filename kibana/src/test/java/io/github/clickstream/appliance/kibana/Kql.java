package io.github.clickstream.appliance.kibana;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The small part of Kibana's query language the dashboards use: clauses joined by {@code and}, each
 * {@code field : "value"}, {@code field : value}, {@code field : *} (field exists) or {@code field
 * >= number} (also {@code >}, {@code <=}, {@code <}). Anything else is refused, so a query this
 * class cannot check fails the tests instead of passing unchecked.
 */
public final class Kql {

    /** One clause: {@code value} is null for "exists". */
    public record Clause(String field, String operator, String value) {}

    private static final Pattern CLAUSE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*(:|>=|<=|>|<)\\s*(\"[^\"]*\"|[^\\s\"]+)");
    private static final Pattern AND = Pattern.compile("\\s+and\\s+", Pattern.CASE_INSENSITIVE);

    private Kql() {}

    public static List<Clause> parse(String kql) {
        List<Clause> clauses = new ArrayList<>();
        if (kql == null || kql.isBlank()) {
            return clauses;
        }
        for (String part : AND.split(kql.trim())) {
            Matcher m = CLAUSE.matcher(part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException(
                        "KQL clause '" + part + "' of '" + kql + "' is outside the checked subset");
            }
            String value = m.group(3);
            if ("*".equals(value) && ":".equals(m.group(2))) {
                value = null;
            } else if (value.startsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            clauses.add(new Clause(m.group(1), m.group(2), value));
        }
        return clauses;
    }

    /** The Elasticsearch query Kibana runs for the KQL (match_all when empty). */
    public static Query toQuery(String kql) {
        List<Query> filters = parse(kql).stream().map(Kql::toQuery).toList();
        return filters.isEmpty()
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.bool(b -> b.filter(filters)));
    }

    private static Query toQuery(Clause c) {
        if (c.value() == null) {
            return Query.of(q -> q.exists(e -> e.field(c.field())));
        }
        if (":".equals(c.operator())) {
            return Query.of(q -> q.term(t -> t.field(c.field()).value(FieldValue.of(c.value()))));
        }
        double bound = Double.parseDouble(c.value());
        return Query.of(
                q ->
                        q.range(
                                r ->
                                        r.number(
                                                n -> {
                                                    n.field(c.field());
                                                    return switch (c.operator()) {
                                                        case ">=" -> n.gte(bound);
                                                        case ">" -> n.gt(bound);
                                                        case "<=" -> n.lte(bound);
                                                        default -> n.lt(bound);
                                                    };
                                                })));
    }
}
