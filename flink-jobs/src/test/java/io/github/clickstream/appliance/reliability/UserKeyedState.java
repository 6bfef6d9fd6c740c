package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.features.LifetimeTotals;
import io.github.clickstream.appliance.metrics.UserSegment;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sessions.SessionAccumulator;
import io.github.clickstream.appliance.sessions.SessionAggregator;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.similarity.ShopperState;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.WindowReaderFunction;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Every operator of the streaming job keyed by user, with the state it declares (names, types and
 * TTL as in the operator), read back from a savepoint as rows {@code (operator uid, user, state,
 * entries)}. {@link #ERASED_MARK} is the only state an erased user may keep, and only in the
 * operators that keep one ({@code ErasedFlag}); the sessionizer's windows expire by event time.
 */
final class UserKeyedState {

    static final String ERASED_MARK = "erased";
    static final String SESSIONIZER = "sessionizer";
    static final String SESSION_WINDOWS = "session windows";

    /** One operator: its uid, whether it keeps the erased mark, and its states. */
    record Operator(String uid, boolean keepsErasedMark, List<StateDescriptor<?, ?>> states) {}

    private static final PipelineConfig CONFIG = PipelineConfig.defaults();

    static final List<Operator> OPERATORS =
            List.of(
                    marked("erased-users"),
                    marked(
                            "deduplicate",
                            new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.LONG)),
                    marked("erased-user-sessions"),
                    marked("user-features", recentSessions(), lifetimeTotals()),
                    marked(
                            "score-users",
                            new ValueStateDescriptor<>("at-risk", Types.BOOLEAN),
                            new ValueStateDescriptor<>("segment", Types.STRING)),
                    marked(
                            "session-segments",
                            buffer("pending-sessions", SessionSummary.class),
                            buffer("pending-segments", UserSegment.class),
                            new ValueStateDescriptor<>("segment", Types.STRING),
                            new MapStateDescriptor<>("session-segments", Types.LONG, Types.STRING)),
                    marked("user-weeks", cohortWeek(), activeWeeks()),
                    marked("user-purchase-weeks", cohortWeek(), activeWeeks()),
                    marked(
                            "shopper-history",
                            new ValueStateDescriptor<>(
                                    "shopper", TypeInformation.of(ShopperState.class)),
                            buffer("pending-events", ClickEvent.class)));

    private UserKeyedState() {}

    /** Rows for every user with state in any of {@link #OPERATORS} or an open session window. */
    static DataStream<Tuple4<String, String, String, Integer>> read(SavepointReader savepoint)
            throws Exception {
        TypeInformation<Tuple4<String, String, String, Integer>> rows =
                Types.TUPLE(Types.STRING, Types.STRING, Types.STRING, Types.INT);
        DataStream<Tuple4<String, String, String, Integer>> all =
                savepoint
                        .window(EventTimeSessionWindows.withGap(CONFIG.sessionGap()))
                        .aggregate(
                                SESSIONIZER,
                                new SessionAggregator(),
                                new OpenWindows(),
                                Types.STRING,
                                TypeInformation.of(SessionAccumulator.class),
                                rows);
        for (Operator operator : OPERATORS) {
            all =
                    all.union(
                            savepoint.readKeyedState(
                                    org.apache.flink.state.api.OperatorIdentifier.forUid(
                                            operator.uid()),
                                    new UserStateReader(operator.uid(), operator.states()),
                                    Types.STRING,
                                    rows));
        }
        return all;
    }

    /** One row per open session window of a user. */
    private static final class OpenWindows
            extends WindowReaderFunction<
                    SessionAccumulator,
                    Tuple4<String, String, String, Integer>,
                    String,
                    TimeWindow> {
        @Override
        public void readWindow(
                String user,
                Context<TimeWindow> context,
                Iterable<SessionAccumulator> contents,
                Collector<Tuple4<String, String, String, Integer>> out) {
            out.collect(Tuple4.of(SESSIONIZER, user, SESSION_WINDOWS, 1));
        }
    }

    private static Operator marked(String uid, StateDescriptor<?, ?>... states) {
        List<StateDescriptor<?, ?>> all = new ArrayList<>(List.of(states));
        all.add(new ValueStateDescriptor<>(ERASED_MARK, Types.BOOLEAN));
        return new Operator(uid, true, all);
    }

    private static MapStateDescriptor<String, SessionSummary> recentSessions() {
        MapStateDescriptor<String, SessionSummary> sessions =
                new MapStateDescriptor<>(
                        "recent-sessions", Types.STRING, TypeInformation.of(SessionSummary.class));
        sessions.enableTimeToLive(ttl());
        return sessions;
    }

    private static ValueStateDescriptor<LifetimeTotals> lifetimeTotals() {
        ValueStateDescriptor<LifetimeTotals> totals =
                new ValueStateDescriptor<>("lifetime-totals", LifetimeTotals.class);
        totals.enableTimeToLive(ttl());
        return totals;
    }

    private static StateTtlConfig ttl() {
        return StateTtlConfig.newBuilder(CONFIG.userRetention()).build();
    }

    private static ValueStateDescriptor<Long> cohortWeek() {
        return new ValueStateDescriptor<>("cohort-week", Types.LONG);
    }

    private static MapStateDescriptor<Integer, Boolean> activeWeeks() {
        return new MapStateDescriptor<>("active-weeks", Types.INT, Types.BOOLEAN);
    }

    /** An {@code EventTimeBuffer}'s state. */
    private static <T> MapStateDescriptor<Long, List<T>> buffer(String name, Class<T> type) {
        return new MapStateDescriptor<>(name, Types.LONG, Types.LIST(TypeInformation.of(type)));
    }
}
