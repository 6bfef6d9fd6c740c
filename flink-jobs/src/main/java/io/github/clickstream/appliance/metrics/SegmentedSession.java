package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.sessions.SessionSummary;

/** A session with the segment its shopper was in when it began ("unscored" before any score). */
public record SegmentedSession(SessionSummary session, String segment) {}
