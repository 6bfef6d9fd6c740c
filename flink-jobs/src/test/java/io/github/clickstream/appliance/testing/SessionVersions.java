package io.github.clickstream.appliance.testing;

import io.github.clickstream.appliance.sessions.SessionSummary;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The last emitted version of each session, as Elasticsearch keeps it (same id overwrites). */
public final class SessionVersions {

    private SessionVersions() {}

    public static Map<String, SessionSummary> latest(List<SessionSummary> emitted) {
        Map<String, SessionSummary> latest = new TreeMap<>();
        emitted.forEach(s -> latest.put(s.sessionId(), s));
        return latest;
    }
}
