package io.github.clickstream.appliance.events.generator;

import io.github.clickstream.appliance.events.ClickEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A realistic synthetic clickstream, deterministic for a seed and in non-decreasing time order:
 * power-law item popularity, categories with co-visitation, shopper archetypes that differ in
 * conversion and churn, view-cart-purchase funnels, evening and weekend peaks, and an A/B checkout
 * experiment. Generated one simulated day at a time, so memory follows the daily volume, not the
 * total. The demo's default data and the benchmarks' load.
 */
public final class ClickstreamGenerator implements Iterator<ClickEvent> {

    private static final long DAY = Duration.ofDays(1).toMillis();

    private final GeneratorConfig config;
    private final List<Shopper> shoppers = new ArrayList<>();
    private final SessionSimulator sessions;
    private int day;
    private Iterator<ClickEvent> today = Collections.emptyIterator();

    /** Events of late sessions that run past midnight, emitted with the next day's. */
    private List<ClickEvent> spillover = new ArrayList<>();

    public ClickstreamGenerator(GeneratorConfig config) {
        this.config = config;
        Random random = new Random(config.seed());
        Catalog catalog = new Catalog(config.items(), random);
        for (int i = 0; i < config.users(); i++) {
            shoppers.add(Shopper.draw(i, catalog, config.days(), random));
        }
        this.sessions = new SessionSimulator(catalog);
    }

    @Override
    public boolean hasNext() {
        while (!today.hasNext() && day < config.days()) {
            today = simulateDay(day++).iterator();
        }
        return today.hasNext();
    }

    @Override
    public ClickEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return today.next();
    }

    private List<ClickEvent> simulateDay(int dayIndex) {
        Random random = new Random(config.seed() * 1_000_003L + dayIndex);
        long dayStart = config.start().toEpochMilli() + dayIndex * DAY;
        DayOfWeek weekday = Instant.ofEpochMilli(dayStart).atZone(ZoneOffset.UTC).getDayOfWeek();
        double season = weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? 1.25 : 1.0;
        List<ClickEvent> events = new ArrayList<>(spillover);
        for (Shopper shopper : shoppers) {
            if (!shopper.activeOn(dayIndex)
                    || random.nextDouble() >= shopper.archetype().visitProbability * season) {
                continue;
            }
            int visits = random.nextDouble() < 0.2 ? 2 : 1;
            for (int v = 0; v < visits; v++) {
                events.addAll(sessions.play(shopper, dayStart + timeOfDay(random), random));
            }
        }
        events.sort(Comparator.comparingLong(ClickEvent::timestamp));
        boolean lastDay = dayIndex == config.days() - 1;
        spillover = new ArrayList<>();
        List<ClickEvent> numbered = new ArrayList<>(events.size());
        for (ClickEvent event : events) {
            if (!lastDay && event.timestamp() >= dayStart + DAY) {
                spillover.add(event);
            } else {
                numbered.add(
                        withId(
                                event,
                                "g" + config.seed() + "-" + dayIndex + "-" + numbered.size()));
            }
        }
        return numbered;
    }

    /** Mostly evenings, some any time; stays inside the day. */
    private static long timeOfDay(Random random) {
        double hour =
                random.nextDouble() < 0.7
                        ? 20 + random.nextGaussian() * 2.5
                        : random.nextDouble() * 24;
        hour = Math.max(0, Math.min(22.9, hour));
        return (long) (hour * 3_600_000);
    }

    private static ClickEvent withId(ClickEvent e, String id) {
        return new ClickEvent(
                id,
                e.userId(),
                e.eventType(),
                e.itemId(),
                e.categoryId(),
                e.categoryCode(),
                e.brand(),
                e.price(),
                e.quantity(),
                e.query(),
                e.experiment(),
                e.variant(),
                e.timestamp());
    }
}
