package io.github.clickstream.appliance.events;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The first operator: raw payloads in, valid events out, everything else to the dead-letter side
 * output. Counts both, so records in = valid + dead-lettered can be checked on the metrics.
 */
public class ParseEvents extends ProcessFunction<RawEvent, ClickEvent> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private final ParserLimits limits;
    private transient ClickEventParser parser;
    private transient Counter valid;
    private transient Counter invalid;

    public ParseEvents(ParserLimits limits) {
        this.limits = limits;
    }

    @Override
    public void open(OpenContext context) {
        parser = new ClickEventParser(limits, System::currentTimeMillis);
        valid = getRuntimeContext().getMetricGroup().counter("eventsValid");
        invalid = getRuntimeContext().getMetricGroup().counter("eventsDeadLettered");
    }

    @Override
    public void processElement(RawEvent raw, Context context, Collector<ClickEvent> out) {
        if (context.timestamp() == null) {
            throw new IllegalStateException(
                    "Raw events reach the parser without event time: read them with"
                            + " ClickstreamPipeline.eventTime(config) in env.fromSource, or"
                            + " ClickstreamPipeline.withEventTime for a collection");
        }
        ParseResult result = parser.parse(raw);
        if (result.valid()) {
            valid.inc();
            out.collect(result.event());
        } else {
            invalid.inc();
            context.output(DEAD_LETTERS, result.deadLetter());
        }
    }
}
