package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.erasure.ErasedFlag;
import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.sessions.SessionSummary;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per user: the week of the first counted session (the cohort; any session for retention, one with
 * a purchase for repeat purchases) and the weeks since in which the user had one; emits each
 * (cohort, week) once, so the cohort counts below are counts of distinct users. A session older
 * than the recorded first week (very late data) is not counted.
 *
 * <p>An erasure forgets the user's weeks; the cohort counts they already added stay, as counts of
 * many users they hold nothing of one.
 */
public class UserWeeks
        extends KeyedCoProcessFunction<String, SessionSummary, Erasure, CohortActivity> {

    private final CohortKind kind;

    public UserWeeks(CohortKind kind) {
        this.kind = kind;
    }

    private transient ValueState<Long> cohortWeek;
    private transient MapState<Integer, Boolean> activeWeeks;
    private transient ErasedFlag erased;

    @Override
    public void open(OpenContext context) {
        cohortWeek =
                getRuntimeContext().getState(new ValueStateDescriptor<>("cohort-week", Types.LONG));
        activeWeeks =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("active-weeks", Types.INT, Types.BOOLEAN));
        erased = new ErasedFlag(getRuntimeContext());
    }

    @Override
    public void processElement1(
            SessionSummary session, Context context, Collector<CohortActivity> out)
            throws Exception {
        if (!kind.counts(session) || erased.isSet()) {
            return;
        }
        long week = Weeks.startOf(session.start());
        if (cohortWeek.value() == null) {
            cohortWeek.update(week);
        }
        int weeksSince = Weeks.between(cohortWeek.value(), week);
        if (weeksSince >= 0 && !activeWeeks.contains(weeksSince)) {
            activeWeeks.put(weeksSince, true);
            out.collect(new CohortActivity(kind, cohortWeek.value(), weeksSince, session.userId()));
        }
    }

    @Override
    public void processElement2(Erasure erasure, Context context, Collector<CohortActivity> out)
            throws Exception {
        cohortWeek.clear();
        activeWeeks.clear();
        erased.set();
    }
}
