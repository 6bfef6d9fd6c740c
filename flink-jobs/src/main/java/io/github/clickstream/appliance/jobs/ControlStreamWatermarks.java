package io.github.clickstream.appliance.jobs;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Watermarks for control streams (model updates) that arrive in processing time and are joined to
 * the event-time clickstream: they declare event time finished, so the joined operators keep
 * following the clickstream's watermark. Without watermarks the control input would hold every
 * downstream event-time operator at the start of time.
 */
final class ControlStreamWatermarks {

    private ControlStreamWatermarks() {}

    static <T> WatermarkStrategy<T> neverHoldBackEventTime() {
        return context ->
                new WatermarkGenerator<>() {
                    @Override
                    public void onEvent(T event, long timestamp, WatermarkOutput output) {}

                    @Override
                    public void onPeriodicEmit(WatermarkOutput output) {
                        output.emitWatermark(new Watermark(Long.MAX_VALUE));
                    }
                };
    }
}
