package io.github.clickstream.appliance.ordering;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for control streams (model updates, erasures) that are not in event time: the stream
 * is marked idle, so an operator that connects it to the events follows the events' watermark
 * alone. Without watermarks it would hold event time at its start; a maximum watermark would not do
 * either: when the events go idle between bursts, the operator would take it as its own and fire
 * every timer. Assign it in an operator after the source, not in the source: a source reader
 * without a partition would emit nothing and stall event time.
 */
public final class OutsideEventTime {

    private OutsideEventTime() {}

    public static <T> WatermarkStrategy<T> watermarks() {
        return WatermarkStrategy.forGenerator(context -> new AlwaysIdle<>());
    }

    private static final class AlwaysIdle<T> implements WatermarkGenerator<T> {
        @Override
        public void onEvent(T event, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
