package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.events.ClickEvent;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Counts each event once for its item and once for its category (when it names them). */
public class ProductDimensions implements FlatMapFunction<ClickEvent, ProductEvent> {

    @Override
    public void flatMap(ClickEvent event, Collector<ProductEvent> out) {
        if (event.itemId() != null) {
            out.collect(new ProductEvent("item", event.itemId(), event));
        }
        if (event.categoryId() != null) {
            out.collect(new ProductEvent("category", event.categoryId(), event));
        }
    }
}
