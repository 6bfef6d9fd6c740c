package io.github.clickstream.appliance.metrics;

import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts a cohort's active users per week since its start and emits the changed cells. Every cell
 * carries the cohort's size (its week-0 count), so a new user in the cohort re-emits the whole row.
 */
public class CohortAggregator extends KeyedProcessFunction<String, CohortActivity, CohortMetric> {

    private transient MapState<Integer, Long> usersPerWeek;

    @Override
    public void open(OpenContext context) {
        usersPerWeek =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("cohort-users", Types.INT, Types.LONG));
    }

    @Override
    public void processElement(
            CohortActivity activity, Context context, Collector<CohortMetric> out)
            throws Exception {
        Long before = usersPerWeek.get(activity.weeksSince());
        usersPerWeek.put(activity.weeksSince(), before == null ? 1 : before + 1);
        Long size = usersPerWeek.get(0);
        long cohortUsers = size == null ? 0 : size;
        if (activity.weeksSince() == 0) {
            for (Map.Entry<Integer, Long> week : usersPerWeek.entries()) {
                out.collect(
                        new CohortMetric(
                                activity.kind(),
                                activity.cohortWeek(),
                                week.getKey(),
                                cohortUsers,
                                week.getValue()));
            }
        } else {
            out.collect(
                    new CohortMetric(
                            activity.kind(),
                            activity.cohortWeek(),
                            activity.weeksSince(),
                            cohortUsers,
                            usersPerWeek.get(activity.weeksSince())));
        }
    }
}
