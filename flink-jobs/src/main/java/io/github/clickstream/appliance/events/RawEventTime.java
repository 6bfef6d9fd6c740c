package io.github.clickstream.appliance.events;

import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;

/**
 * The event time of a raw event, read in the source so that each Kafka partition keeps its own
 * watermark: a reader catching up on several partitions would otherwise let the one furthest ahead
 * drop the others' events as late. It runs the job's own parser (a small share of the per-event
 * cost), so exactly the events the parser accepts move event time; an invalid one gets {@link
 * Long#MIN_VALUE}, never moves it, and is dead-lettered right after.
 */
public final class RawEventTime implements SerializableTimestampAssigner<RawEvent> {

    private final ParserLimits limits;
    private transient ClickEventParser parser;

    public RawEventTime(ParserLimits limits) {
        this.limits = limits;
    }

    @Override
    public long extractTimestamp(RawEvent raw, long recordTimestamp) {
        if (parser == null) {
            parser = new ClickEventParser(limits, System::currentTimeMillis);
        }
        ParseResult result = parser.parse(raw);
        return result.valid() ? result.event().timestamp() : Long.MIN_VALUE;
    }
}
