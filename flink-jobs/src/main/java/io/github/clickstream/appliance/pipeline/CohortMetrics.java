package io.github.clickstream.appliance.pipeline;

import io.github.clickstream.appliance.metrics.CohortActivity;
import io.github.clickstream.appliance.metrics.CohortAggregator;
import io.github.clickstream.appliance.metrics.CohortMetric;
import io.github.clickstream.appliance.metrics.UserWeeks;
import io.github.clickstream.appliance.sessions.SessionSummary;
import org.apache.flink.streaming.api.datastream.DataStream;

/** Weekly retention cohorts: users by week of first visit, active n weeks later. */
final class CohortMetrics {

    private CohortMetrics() {}

    static DataStream<CohortMetric> of(DataStream<SessionSummary> sessions) {
        return sessions.keyBy(SessionSummary::userId)
                .process(new UserWeeks())
                .uid("user-weeks")
                .name("Active weeks per user")
                .keyBy(CohortActivity::cohortWeek)
                .process(new CohortAggregator())
                .uid("cohort-metrics")
                .name("Retention cohorts");
    }
}
