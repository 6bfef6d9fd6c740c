package io.github.clickstream.appliance.metrics;

import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds an hour's events of one item or category into {@link ProductCounts}. */
public class ProductCountsAggregate
        implements AggregateFunction<ProductEvent, ProductCounts, ProductCounts> {

    @Override
    public ProductCounts createAccumulator() {
        return new ProductCounts();
    }

    @Override
    public ProductCounts add(ProductEvent value, ProductCounts accumulator) {
        accumulator.add(value.event());
        return accumulator;
    }

    @Override
    public ProductCounts getResult(ProductCounts accumulator) {
        return accumulator;
    }

    @Override
    public ProductCounts merge(ProductCounts a, ProductCounts b) {
        return a.merge(b);
    }
}
