package io.github.clickstream.appliance.events.generator;

import io.github.clickstream.appliance.events.ClickEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One generated stream shared by the generator tests (about 100k events, made once). */
final class GeneratedSample {

    static final GeneratorConfig CONFIG = GeneratorConfig.of(2_000, 1_000, 14, 42);
    static final List<ClickEvent> EVENTS = generate(CONFIG);

    /** Answers which archetype a user id has. */
    static final ClickstreamGenerator SHOPPERS = new ClickstreamGenerator(CONFIG);

    private GeneratedSample() {}

    static List<ClickEvent> generate(GeneratorConfig config) {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(config).forEachRemaining(events::add);
        return events;
    }

    /** Per user, events split where more than 30 minutes pass without one. */
    static List<List<ClickEvent>> sessions() {
        Map<String, List<ClickEvent>> open = new HashMap<>();
        List<List<ClickEvent>> sessions = new ArrayList<>();
        for (ClickEvent e : EVENTS) {
            List<ClickEvent> session = open.get(e.userId());
            if (session == null
                    || e.timestamp() - session.get(session.size() - 1).timestamp() > 30 * 60_000) {
                session = new ArrayList<>();
                sessions.add(session);
                open.put(e.userId(), session);
            }
            session.add(e);
        }
        return sessions;
    }
}
