package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.events.ClickEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A shopper's session as the evaluation sees it: the items in order, repeats collapsed. */
record Session(String userId, long start, List<String> items) {

    /** Splits each shopper's events into sessions (more than {@code gap} apart = new session). */
    static List<Session> of(List<ClickEvent> events, long gap) {
        Map<String, List<ClickEvent>> byUser = new LinkedHashMap<>();
        for (ClickEvent event : events) {
            if (event.itemId() != null) {
                byUser.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event);
            }
        }
        List<Session> sessions = new ArrayList<>();
        for (List<ClickEvent> userEvents : byUser.values()) {
            userEvents.sort(Comparator.comparingLong(ClickEvent::timestamp));
            List<String> items = new ArrayList<>();
            long start = 0;
            long last = Long.MIN_VALUE;
            for (ClickEvent event : userEvents) {
                if (!items.isEmpty() && event.timestamp() - last > gap) {
                    sessions.add(new Session(event.userId(), start, items));
                    items = new ArrayList<>();
                }
                if (items.isEmpty()) {
                    start = event.timestamp();
                }
                if (items.isEmpty() || !items.get(items.size() - 1).equals(event.itemId())) {
                    items.add(event.itemId());
                }
                last = event.timestamp();
            }
            if (!items.isEmpty()) {
                sessions.add(new Session(userEvents.get(0).userId(), start, items));
            }
        }
        sessions.sort(Comparator.comparingLong(Session::start));
        return sessions;
    }
}
