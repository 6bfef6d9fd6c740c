package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsAggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the {@code sessions} index: per variant of one experiment, sessions and conversions. */
final class ExperimentSearches {

    static final String INDEX = "sessions";

    /** More variants than this is not an A/B test a marketer can read; it is refused. */
    static final int MAX_VARIANTS = 20;

    private final ElasticsearchClient client;

    ExperimentSearches(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * The experiment's variants in name order; empty when no session carries the experiment, also
     * before the first session is written (the sessions alias comes with the first monthly index,
     * so its absence means no data, not a missing setup).
     */
    List<ExperimentStatistics.VariantCounts> variants(String experiment) throws IOException {
        Aggregate variantsAggregate =
                client.search(
                                s ->
                                        s.index(INDEX)
                                                .ignoreUnavailable(true)
                                                .size(0)
                                                .query(
                                                        q ->
                                                                q.term(
                                                                        t ->
                                                                                t.field(
                                                                                                "experiment")
                                                                                        .value(
                                                                                                experiment)))
                                                .aggregations(
                                                        "variants",
                                                        a ->
                                                                a.terms(
                                                                                t ->
                                                                                        t.field(
                                                                                                        "variant")
                                                                                                .size(
                                                                                                        MAX_VARIANTS
                                                                                                                + 1))
                                                                        .aggregations(
                                                                                "converted",
                                                                                c ->
                                                                                        c.filter(
                                                                                                f ->
                                                                                                        f
                                                                                                                .term(
                                                                                                                        t ->
                                                                                                                                t.field(
                                                                                                                                                "converted")
                                                                                                                                        .value(
                                                                                                                                                true))))
                                                                        .aggregations(
                                                                                "revenue",
                                                                                r ->
                                                                                        r.sum(
                                                                                                m ->
                                                                                                        m
                                                                                                                .field(
                                                                                                                        "revenue")))),
                                Void.class)
                        .aggregations()
                        .get("variants");
        if (variantsAggregate == null) {
            return List.of(); // no sessions index yet, so no aggregation either
        }
        StringTermsAggregate terms = variantsAggregate.sterms();
        List<StringTermsBucket> buckets = terms.buckets().array();
        if (buckets.size() > MAX_VARIANTS) {
            throw ApiException.invalidParameter(
                    "Experiment '"
                            + experiment
                            + "' has more than "
                            + MAX_VARIANTS
                            + " variants; an A/B report needs fewer");
        }
        List<ExperimentStatistics.VariantCounts> variants = new ArrayList<>();
        for (StringTermsBucket bucket : buckets) {
            variants.add(
                    new ExperimentStatistics.VariantCounts(
                            bucket.key().stringValue(),
                            bucket.docCount(),
                            bucket.aggregations().get("converted").filter().docCount(),
                            bucket.aggregations().get("revenue").sum().value()));
        }
        variants.sort((a, b) -> a.variant().compareTo(b.variant()));
        return variants;
    }
}
