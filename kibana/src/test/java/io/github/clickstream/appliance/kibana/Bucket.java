package io.github.clickstream.appliance.kibana;

import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import java.util.List;
import java.util.Map;

/** One bucket of a date histogram, top values or range aggregation, with its sub-aggregations. */
record Bucket(Object key, long docCount, Map<String, Aggregate> aggregations) {

    static List<Bucket> of(Aggregate aggregate) {
        return switch (aggregate._kind()) {
            case DateHistogram ->
                    aggregate.dateHistogram().buckets().array().stream()
                            .map(b -> new Bucket(b.key(), b.docCount(), b.aggregations()))
                            .toList();
            case Sterms ->
                    aggregate.sterms().buckets().array().stream()
                            .map(
                                    b ->
                                            new Bucket(
                                                    b.key().stringValue(),
                                                    b.docCount(),
                                                    b.aggregations()))
                            .toList();
            case Lterms ->
                    aggregate.lterms().buckets().array().stream()
                            .map(b -> new Bucket(b.key(), b.docCount(), b.aggregations()))
                            .toList();
            case Dterms ->
                    aggregate.dterms().buckets().array().stream()
                            .map(b -> new Bucket(b.key(), b.docCount(), b.aggregations()))
                            .toList();
            case Range ->
                    aggregate.range().buckets().array().stream()
                            .map(b -> new Bucket(b.key(), b.docCount(), b.aggregations()))
                            .toList();
            case Umterms -> List.of();
            default ->
                    throw new IllegalStateException(
                            "Unexpected bucket aggregate " + aggregate._kind());
        };
    }
}
