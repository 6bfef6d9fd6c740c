package io.github.clickstream.appliance.metrics;

/**
 * A user of the {@code kind} cohort that started in {@code cohortWeek} was active (or bought)
 * {@code weeksSince} weeks later.
 */
public record CohortActivity(CohortKind kind, long cohortWeek, int weeksSince, String userId) {

    /** The cohort this activity counts for: its kind and first week. */
    public String cohort() {
        return kind + ":" + cohortWeek;
    }
}
