package io.github.clickstream.appliance.metrics;

/**
 * A user of the cohort that started in {@code cohortWeek} was active {@code weeksSince} weeks
 * later.
 */
public record CohortActivity(long cohortWeek, int weeksSince, String userId) {}
