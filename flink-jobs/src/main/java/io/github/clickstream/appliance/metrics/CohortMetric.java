package io.github.clickstream.appliance.metrics;

/** One cell of the retention triangle; written to {@code metrics-YYYY.MM}. */
public record CohortMetric(long cohortWeek, int weeksSince, long cohortUsers, long retainedUsers) {

    public String id() {
        return "cohort:1w:" + cohortWeek + ":" + weeksSince;
    }

    public long weekStart() {
        return Weeks.plus(cohortWeek, weeksSince);
    }
}
