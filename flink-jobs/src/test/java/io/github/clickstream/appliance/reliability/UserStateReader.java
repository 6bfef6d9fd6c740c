package io.github.clickstream.appliance.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.State;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.util.Collector;

/**
 * Reads one user-keyed operator's state from a savepoint (State Processor API): for every user with
 * state in it, one row {@code (operator uid, user, state name, entries)} per state the operator
 * declares (a value counts 1 when set, a map its entries) plus its event-time timers.
 */
final class UserStateReader
        extends KeyedStateReaderFunction<String, Tuple4<String, String, String, Integer>> {

    static final String TIMERS = "event-time timers";

    private final String operator;
    private final List<StateDescriptor<?, ?>> descriptors;
    private transient List<State> states;

    /** {@code descriptors}: the operator's own state descriptors (same names, types and TTL). */
    UserStateReader(String operator, List<StateDescriptor<?, ?>> descriptors) {
        this.operator = operator;
        this.descriptors = descriptors;
    }

    @Override
    public void open(OpenContext context) {
        states = new ArrayList<>();
        for (StateDescriptor<?, ?> descriptor : descriptors) {
            if (descriptor instanceof MapStateDescriptor<?, ?> map) {
                states.add(getRuntimeContext().getMapState(map));
            } else if (descriptor instanceof ValueStateDescriptor<?> value) {
                states.add(getRuntimeContext().getState(value));
            } else {
                throw new IllegalArgumentException("No reader for " + descriptor);
            }
        }
    }

    @Override
    public void readKey(
            String user, Context context, Collector<Tuple4<String, String, String, Integer>> out)
            throws Exception {
        for (int i = 0; i < states.size(); i++) {
            out.collect(
                    Tuple4.of(
                            operator, user, descriptors.get(i).getName(), entries(states.get(i))));
        }
        out.collect(Tuple4.of(operator, user, TIMERS, context.registeredEventTimeTimers().size()));
    }

    private static int entries(State state) throws Exception {
        if (state instanceof ValueState<?> value) {
            return value.value() == null ? 0 : 1;
        }
        int entries = 0;
        for (Iterator<?> keys = ((MapState<?, ?>) state).keys().iterator(); keys.hasNext(); ) {
            keys.next();
            entries++;
        }
        return entries;
    }
}
