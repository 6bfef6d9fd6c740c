package io.github.clickstream.appliance.events.generator;

import io.github.clickstream.appliance.events.ClickEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * A realistic synthetic clickstream, deterministic for a seed and in non-decreasing time order:
 * Zipf item popularity, departments of related categories that sessions stay within, shopper
 * archetypes that differ in conversion, price range and churn, view-cart-purchase funnels with
 * removals and searches, log-normal item prices, lunch and evening peaks and busier weekends, and
 * an A/B checkout experiment whose treatment converts better. The demo's data and the training data
 * of the propensity, churn and similarity models, so every one of those signals is tested.
 *
 * <p>Memory does not grow with the number of events: only the current day's visit plan (a start
 * time and a seed per visit) and the sessions in progress are held, and sessions are merged by time
 * as they are played, so millions of events stream in a small heap.
 */
public final class ClickstreamGenerator implements Iterator<ClickEvent> {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final double SECOND_VISIT = 0.2;

    private final GeneratorConfig config;
    private final Shopper[] shoppers;
    private final SessionSimulator simulator;
    private final PriorityQueue<OpenSession> open =
            new PriorityQueue<>(
                    Comparator.comparingLong(OpenSession::time)
                            .thenComparingLong(OpenSession::order));
    private List<Visit> visits = List.of();
    private int nextVisit;
    private int nextDay;
    private long sessionsOpened;
    private long eventsEmitted;

    public ClickstreamGenerator(GeneratorConfig config) {
        this.config = config;
        Random random = new Random(config.seed());
        Catalog catalog = new Catalog(config.items(), random);
        this.shoppers = new Shopper[config.users()];
        for (int i = 0; i < shoppers.length; i++) {
            shoppers[i] = Shopper.draw(i, catalog, config.days(), random);
        }
        this.simulator = new SessionSimulator(catalog);
    }

    @Override
    public boolean hasNext() {
        admitSessionsStartingBeforeTheNextEvent();
        return !open.isEmpty();
    }

    @Override
    public ClickEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        OpenSession session = open.poll();
        ClickEvent event = session.events.get(session.position++);
        if (session.position < session.events.size()) {
            open.add(session);
        }
        return event.withEventId("g" + config.seed() + "-" + eventsEmitted++);
    }

    /** The shopper behind a generated user id: tests check behaviour per archetype. */
    Shopper shopper(String userId) {
        return shoppers[Integer.parseInt(userId.substring("user-".length()))];
    }

    /**
     * An event may only be emitted once every session that starts no later than it has been opened;
     * a day's visits are planned only when the clock reaches that day.
     */
    private void admitSessionsStartingBeforeTheNextEvent() {
        while (true) {
            long head = open.isEmpty() ? Long.MAX_VALUE : open.peek().time();
            if (nextVisit < visits.size()) {
                Visit visit = visits.get(nextVisit);
                if (visit.start() > head) {
                    return;
                }
                nextVisit++;
                List<ClickEvent> events =
                        simulator.play(
                                shoppers[visit.shopper()], visit.start(), new Random(visit.seed()));
                if (!events.isEmpty()) {
                    open.add(new OpenSession(events, sessionsOpened++));
                }
            } else if (nextDay < config.days() && dayStart(nextDay) <= head) {
                visits = planVisits(nextDay++);
                nextVisit = 0;
            } else {
                return;
            }
        }
    }

    private List<Visit> planVisits(int day) {
        Random random = new Random(config.seed() * 1_000_003L + day);
        long start = dayStart(day);
        double season =
                Seasonality.weekdayFactor(
                        Instant.ofEpochMilli(start).atZone(ZoneOffset.UTC).getDayOfWeek());
        List<Visit> planned = new ArrayList<>();
        for (int i = 0; i < shoppers.length; i++) {
            Shopper shopper = shoppers[i];
            if (!shopper.activeOn(day)
                    || random.nextDouble() >= shopper.archetype().visitProbability * season) {
                continue;
            }
            int count = random.nextDouble() < SECOND_VISIT ? 2 : 1;
            for (int v = 0; v < count; v++) {
                planned.add(new Visit(start + Seasonality.timeOfDay(random), i, random.nextLong()));
            }
        }
        planned.sort(Comparator.comparingLong(Visit::start)); // stable: ties keep shopper order
        return planned;
    }

    private long dayStart(int day) {
        return config.start().toEpochMilli() + day * DAY;
    }

    /** A planned session: when, whose, and the seed that makes it replayable. */
    private record Visit(long start, int shopper, long seed) {}

    /** A session being emitted; {@code order} breaks ties between equal times. */
    private static final class OpenSession {
        final List<ClickEvent> events;
        final long order;
        int position;

        OpenSession(List<ClickEvent> events, long order) {
            this.events = events;
            this.order = order;
        }

        long time() {
            return events.get(position).timestamp();
        }

        long order() {
            return order;
        }
    }
}
