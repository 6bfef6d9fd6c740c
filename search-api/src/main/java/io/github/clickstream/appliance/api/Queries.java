package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import java.util.Collection;
import java.util.List;

/** Small typed builders for queries and source filters, so searches read as what they ask for. */
final class Queries {

    private Queries() {}

    static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(value)));
    }

    static Query terms(String field, Collection<String> values) {
        List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field(field).terms(v -> v.value(fieldValues))));
    }

    static Query matchAll() {
        return Query.of(q -> q.matchAll(m -> m));
    }

    static Query anyOf(Query... queries) {
        return Query.of(q -> q.bool(b -> b.should(List.of(queries)).minimumShouldMatch("1")));
    }

    static Query allOf(List<Query> queries) {
        return Query.of(q -> q.bool(b -> b.filter(queries)));
    }

    static Query not(Query query) {
        return Query.of(q -> q.bool(b -> b.mustNot(query)));
    }

    static Query exists(String field) {
        return Query.of(q -> q.exists(e -> e.field(field)));
    }

    static Query numberRange(String field, Double gte, Double lte) {
        return Query.of(q -> q.range(r -> r.number(n -> n.field(field).gte(gte).lte(lte))));
    }

    static Query dateRange(String field, String gte, String lte) {
        return Query.of(q -> q.range(r -> r.date(d -> d.field(field).gte(gte).lte(lte))));
    }

    /** Reads only these fields of each hit's source. */
    static SourceConfig sourceFields(String... fields) {
        return SourceConfig.of(s -> s.filter(f -> f.includes(List.of(fields))));
    }
}
