package io.github.clickstream.appliance.metrics;

/** One cell of a retention or repeat-purchase triangle; written to {@code metrics-YYYY.MM}. */
public record CohortMetric(
        CohortKind kind, long cohortWeek, int weeksSince, long cohortUsers, long retainedUsers) {

    public String id() {
        return kind == CohortKind.RETENTION
                ? "cohort:1w:" + cohortWeek + ":" + weeksSince
                : "cohort:1w:repeat_purchase:" + cohortWeek + ":" + weeksSince;
    }

    public long weekStart() {
        return Weeks.plus(cohortWeek, weeksSince);
    }
}
