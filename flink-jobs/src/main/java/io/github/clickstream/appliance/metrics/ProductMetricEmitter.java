package io.github.clickstream.appliance.metrics;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits an hour's counts when the hour closes in event time, and again with the corrected totals
 * for each late event within the allowed lateness (same document id).
 */
public class ProductMetricEmitter
        extends ProcessWindowFunction<ProductCounts, ProductMetric, String, TimeWindow> {

    @Override
    public void process(
            String key,
            Context context,
            Iterable<ProductCounts> counts,
            Collector<ProductMetric> out) {
        int colon = key.indexOf(':');
        for (ProductCounts c : counts) {
            out.collect(
                    new ProductMetric(
                            context.window().getStart(),
                            key.substring(0, colon),
                            key.substring(colon + 1),
                            c.views,
                            c.carts,
                            c.purchases,
                            c.revenueCents));
        }
    }
}
