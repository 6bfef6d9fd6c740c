package io.github.clickstream.appliance.reference;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A small seeded random clickstream for tests: time-ordered, several users, all event types. */
public final class RandomClickstream {

    private RandomClickstream() {}

    public static List<ClickEvent> events(long seed, int users, int count, long start) {
        Random random = new Random(seed);
        List<ClickEvent> events = new ArrayList<>();
        long time = start;
        EventType[] types = {
            EventType.VIEW,
            EventType.VIEW,
            EventType.VIEW,
            EventType.CART,
            EventType.PURCHASE,
            EventType.REMOVE_FROM_CART,
            EventType.FAVOURITE
        };
        for (int i = 0; i < count; i++) {
            // mostly seconds to minutes apart, sometimes hours: sessions of all lengths
            time +=
                    random.nextInt(10) == 0
                            ? random.nextInt(3 * 3_600_000)
                            : random.nextInt(90_000);
            EventType type = types[random.nextInt(types.length)];
            events.add(
                    new ClickEvent(
                            "r" + i,
                            "u" + random.nextInt(users),
                            type,
                            "i" + random.nextInt(50),
                            "c" + random.nextInt(6),
                            null,
                            null,
                            type == EventType.PURCHASE ? 5.0 + random.nextInt(100) : null,
                            type == EventType.PURCHASE ? 1 + random.nextInt(3) : null,
                            null,
                            null,
                            null,
                            time));
        }
        return events;
    }
}
