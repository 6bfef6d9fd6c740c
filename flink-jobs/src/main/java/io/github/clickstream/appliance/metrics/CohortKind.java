package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.sessions.SessionSummary;

/**
 * Which sessions make a cohort: any session (retention: week of first visit, active n weeks later)
 * or sessions with a purchase (repeat purchases: week of first purchase, buying n weeks later).
 */
public enum CohortKind {
    RETENTION,
    REPEAT_PURCHASE;

    boolean counts(SessionSummary session) {
        return this == RETENTION || session.purchases() > 0;
    }
}
