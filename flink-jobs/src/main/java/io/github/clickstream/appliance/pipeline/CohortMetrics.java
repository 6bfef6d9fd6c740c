package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.metrics.CohortActivity;
import io.github.clickstream.appliance.metrics.CohortAggregator;
import io.github.clickstream.appliance.metrics.CohortKind;
import io.github.clickstream.appliance.metrics.CohortMetric;
import io.github.clickstream.appliance.metrics.UserWeeks;
import io.github.clickstream.appliance.sessions.SessionSummary;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * Weekly cohorts: retention (users by week of first visit, active n weeks later) and repeat
 * purchases (users by week of first purchase, buying again n weeks later).
 */
final class CohortMetrics {

    private CohortMetrics() {}

    static DataStream<CohortMetric> of(
            DataStream<SessionSummary> sessions, DataStream<Erasure> erasures) {
        DataStream<CohortActivity> active =
                sessions.connect(erasures)
                        .keyBy(SessionSummary::userId, Erasure::userId)
                        .process(new UserWeeks(CohortKind.RETENTION))
                        .uid("user-weeks")
                        .name("Active weeks per user");
        DataStream<CohortActivity> buying =
                sessions.connect(erasures)
                        .keyBy(SessionSummary::userId, Erasure::userId)
                        .process(new UserWeeks(CohortKind.REPEAT_PURCHASE))
                        .uid("user-purchase-weeks")
                        .name("Purchase weeks per user");
        return active.union(buying)
                .keyBy(CohortActivity::cohort)
                .process(new CohortAggregator())
                .uid("cohort-metrics")
                .name("Retention and repeat-purchase cohorts");
    }
}
