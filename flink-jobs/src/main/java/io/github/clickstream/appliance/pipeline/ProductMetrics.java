package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.metrics.ProductCountsAggregate;
import io.github.clickstream.appliance.metrics.ProductDimensions;
import io.github.clickstream.appliance.metrics.ProductEvent;
import io.github.clickstream.appliance.metrics.ProductMetric;
import io.github.clickstream.appliance.metrics.ProductMetricEmitter;
import java.time.Duration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/** Hourly views, carts, purchases and revenue per item and per category. */
final class ProductMetrics {

    private ProductMetrics() {}

    static DataStream<ProductMetric> of(DataStream<ClickEvent> events, PipelineConfig config) {
        return events.flatMap(new ProductDimensions())
                .uid("product-dimensions")
                .name("Items and categories of each event")
                .keyBy(ProductEvent::key)
                .window(TumblingEventTimeWindows.of(Duration.ofHours(1)))
                .allowedLateness(config.allowedLateness())
                .aggregate(new ProductCountsAggregate(), new ProductMetricEmitter())
                .uid("product-metrics")
                .name("Product metrics per hour");
    }
}
