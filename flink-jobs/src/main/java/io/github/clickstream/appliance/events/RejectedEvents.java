package io.github.clickstream.appliance.events;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Turns valid events that a later stage refused (duplicates, events later than the allowed
 * lateness) into dead letters, counting them per reason.
 */
public class RejectedEvents extends RichMapFunction<ClickEvent, DeadLetter> {

    private final DeadLetterReason reason;
    private transient Counter count;

    public RejectedEvents(DeadLetterReason reason) {
        this.reason = reason;
    }

    @Override
    public void open(OpenContext context) {
        count = getRuntimeContext().getMetricGroup().counter("events" + reason.name());
    }

    @Override
    public DeadLetter map(ClickEvent event) {
        count.inc();
        return new DeadLetter(
                reason,
                reason == DeadLetterReason.LATE_EVENT
                        ? "event later than the allowed lateness"
                        : "event_id seen before within the dedup window",
                new String(ClickEventJson.toJson(event), StandardCharsets.UTF_8),
                reason.name().toLowerCase() + ":" + event.eventId(),
                System.currentTimeMillis(),
                event.userId(),
                event.timestamp());
    }
}
