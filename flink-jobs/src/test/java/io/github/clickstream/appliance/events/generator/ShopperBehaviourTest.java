package io.github.clickstream.appliance.events.generator;

import static io.github.clickstream.appliance.events.generator.GeneratedSample.CONFIG;
import static io.github.clickstream.appliance.events.generator.GeneratedSample.EVENTS;
import static io.github.clickstream.appliance.events.generator.GeneratedSample.SHOPPERS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shoppers' signal the propensity, churn and experiment analyses learn, measured on the shared
 * sample of about 100k generated events.
 */
class ShopperBehaviourTest {

    @Test
    void treatmentConvertsModestlyBetterThanControl() {
        Map<String, long[]> byVariant = new HashMap<>(); // variant -> {carts, purchases}
        for (ClickEvent e : EVENTS) {
            long[] counts = byVariant.computeIfAbsent(e.variant(), v -> new long[2]);
            if (e.eventType() == EventType.CART) {
                counts[0]++;
            } else if (e.eventType() == EventType.PURCHASE) {
                counts[1]++;
            }
        }
        double control = rate(byVariant.get("control"));
        double treatment = rate(byVariant.get("treatment"));

        assertThat(byVariant).containsOnlyKeys("control", "treatment");
        assertThat(treatment / control).isBetween(1.08, 1.35);
    }

    @Test
    void loyalShoppersBuyFarMoreOftenThanWindowShoppersAndChurnersStopComing() {
        Map<Archetype, long[]> byArchetype = new HashMap<>(); // {views, purchases}
        Map<Archetype, Set<String>> activeInLastWeek = new HashMap<>();
        long lastWeek = CONFIG.start().plus(Duration.ofDays(7)).toEpochMilli();
        for (ClickEvent e : EVENTS) {
            Archetype archetype = SHOPPERS.shopper(e.userId()).archetype();
            long[] counts = byArchetype.computeIfAbsent(archetype, a -> new long[2]);
            if (e.eventType() == EventType.VIEW) {
                counts[0]++;
            } else if (e.eventType() == EventType.PURCHASE) {
                counts[1]++;
            }
            if (e.timestamp() >= lastWeek) {
                activeInLastWeek.computeIfAbsent(archetype, a -> new HashSet<>()).add(e.userId());
            }
        }

        assertThat(rate(byArchetype.get(Archetype.LOYAL_HIGH_SPENDER)))
                .isGreaterThan(5 * rate(byArchetype.get(Archetype.WINDOW_SHOPPER)));
        double loyal = shareActive(activeInLastWeek, Archetype.LOYAL_HIGH_SPENDER);
        assertThat(loyal).isGreaterThan(0.9);
        assertThat(shareActive(activeInLastWeek, Archetype.CHURNING)).isLessThan(loyal * 0.6);
        assertThat(shareActive(activeInLastWeek, Archetype.ONE_TIME_BUYER)).isLessThan(loyal * 0.6);
    }

    @Test
    void bargainHuntersLookAtCheaperItemsThanBigSpenders() {
        Map<String, double[]> categoryPrices = new HashMap<>(); // category -> {sum, count}
        EVENTS.stream()
                .filter(e -> e.eventType() == EventType.VIEW)
                .forEach(
                        e -> {
                            double[] sum =
                                    categoryPrices.computeIfAbsent(
                                            e.categoryId(), c -> new double[2]);
                            sum[0] += e.price();
                            sum[1]++;
                        });
        Map<Archetype, double[]> relative = new HashMap<>(); // archetype -> {sum of price/mean, n}
        for (ClickEvent e : EVENTS) {
            if (e.eventType() == EventType.VIEW) {
                double[] category = categoryPrices.get(e.categoryId());
                double[] sum =
                        relative.computeIfAbsent(
                                SHOPPERS.shopper(e.userId()).archetype(), a -> new double[2]);
                sum[0] += e.price() / (category[0] / category[1]);
                sum[1]++;
            }
        }

        assertThat(mean(relative.get(Archetype.BARGAIN_HUNTER)))
                .isLessThan(mean(relative.get(Archetype.LOYAL_HIGH_SPENDER)) * 0.9);
    }

    @Test
    void eveningsAreBusyNightsQuietAndWeekendsBusierThanWeekdays() {
        long[] byHour = new long[24];
        Map<DayOfWeek, Set<String>> visitorsByDay = new HashMap<>();
        Map<DayOfWeek, Set<Integer>> dates = new HashMap<>();
        for (ClickEvent e : EVENTS) {
            ZonedDateTime time = Instant.ofEpochMilli(e.timestamp()).atZone(ZoneOffset.UTC);
            byHour[time.getHour()]++;
            visitorsByDay
                    .computeIfAbsent(time.getDayOfWeek(), d -> new HashSet<>())
                    .add(time.getDayOfYear() + e.userId());
            dates.computeIfAbsent(time.getDayOfWeek(), d -> new HashSet<>())
                    .add(time.getDayOfYear());
        }
        double weekend =
                perDay(visitorsByDay, dates, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        double weekday =
                perDay(
                        visitorsByDay,
                        dates,
                        EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));

        assertThat(byHour[19] + byHour[20] + byHour[21])
                .isGreaterThan(5 * (byHour[2] + byHour[3] + byHour[4]));
        assertThat(byHour[12] + byHour[13]).isGreaterThan(byHour[9] + byHour[10]);
        assertThat(weekend / weekday).isGreaterThan(1.1);
    }

    private static double perDay(
            Map<DayOfWeek, Set<String>> visitors,
            Map<DayOfWeek, Set<Integer>> dates,
            Set<DayOfWeek> days) {
        long count = days.stream().mapToLong(d -> visitors.get(d).size()).sum();
        long numberOfDates = days.stream().mapToLong(d -> dates.get(d).size()).sum();
        return (double) count / numberOfDates;
    }

    private static double shareActive(Map<Archetype, Set<String>> active, Archetype archetype) {
        long total = 0;
        for (int i = 0; i < CONFIG.users(); i++) {
            Shopper shopper = SHOPPERS.shopper("user-" + i);
            // Only shoppers who had joined before the last week can be seen to stay or go.
            if (shopper.archetype() == archetype && shopper.firstDay() < 7) {
                total++;
            }
        }
        long stayed =
                active.getOrDefault(archetype, Set.of()).stream()
                        .filter(user -> SHOPPERS.shopper(user).firstDay() < 7)
                        .count();
        return (double) stayed / total;
    }

    private static double mean(double[] sumAndCount) {
        return sumAndCount[0] / sumAndCount[1];
    }

    private static double rate(long[] counts) {
        return (double) counts[1] / counts[0];
    }
}
