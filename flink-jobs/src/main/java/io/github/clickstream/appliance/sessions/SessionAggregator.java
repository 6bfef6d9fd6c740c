package io.github.clickstream.appliance.sessions;

import io.github.clickstream.appliance.events.ClickEvent;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Folds a session window's events into a {@link SessionAccumulator}. */
public class SessionAggregator
        implements AggregateFunction<ClickEvent, SessionAccumulator, SessionAccumulator> {

    @Override
    public SessionAccumulator createAccumulator() {
        return new SessionAccumulator();
    }

    @Override
    public SessionAccumulator add(ClickEvent event, SessionAccumulator accumulator) {
        accumulator.add(event);
        return accumulator;
    }

    @Override
    public SessionAccumulator getResult(SessionAccumulator accumulator) {
        return accumulator;
    }

    @Override
    public SessionAccumulator merge(SessionAccumulator a, SessionAccumulator b) {
        return a.mergeFrom(b);
    }
}
