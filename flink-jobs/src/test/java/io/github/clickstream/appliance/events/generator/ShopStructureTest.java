package io.github.clickstream.appliance.events.generator;

import static io.github.clickstream.appliance.events.generator.GeneratedSample.CONFIG;
import static io.github.clickstream.appliance.events.generator.GeneratedSample.EVENTS;
import static io.github.clickstream.appliance.events.generator.GeneratedSample.sessions;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shop's structure the item-similarity job learns: popularity, categories, prices. */
class ShopStructureTest {

    @Test
    void itemsOfOneCategoryCoOccurInSessionsFarMoreThanChanceWould() {
        Map<String, Long> viewsPerCategory = new HashMap<>();
        long pairs = 0;
        long sameCategory = 0;
        for (List<ClickEvent> session : sessions()) {
            List<ClickEvent> views =
                    session.stream().filter(e -> e.eventType() == EventType.VIEW).toList();
            for (int i = 0; i < views.size(); i++) {
                viewsPerCategory.merge(views.get(i).categoryId(), 1L, Long::sum);
                for (int j = i + 1; j < views.size(); j++) {
                    if (!views.get(i).itemId().equals(views.get(j).itemId())) {
                        pairs++;
                        sameCategory +=
                                views.get(i).categoryId().equals(views.get(j).categoryId()) ? 1 : 0;
                    }
                }
            }
        }
        long views = viewsPerCategory.values().stream().mapToLong(Long::longValue).sum();
        double chance =
                viewsPerCategory.values().stream()
                        .mapToDouble(n -> Math.pow((double) n / views, 2))
                        .sum();

        assertThat((double) sameCategory / pairs).isGreaterThan(0.6).isGreaterThan(5 * chance);
    }

    @Test
    void sessionsThatLeaveTheirCategoryStayInItsDepartment() {
        long crossCategory = 0;
        long sameDepartment = 0;
        for (List<ClickEvent> session : sessions()) {
            ClickEvent first = null;
            for (ClickEvent e : session) {
                if (e.eventType() != EventType.VIEW) {
                    continue;
                }
                if (first == null) {
                    first = e;
                } else if (!first.categoryId().equals(e.categoryId())) {
                    crossCategory++;
                    sameDepartment += department(first).equals(department(e)) ? 1 : 0;
                }
            }
        }

        assertThat((double) sameDepartment / crossCategory).isGreaterThan(0.5);
    }

    @Test
    void itemPopularityIsAPowerLaw() {
        Map<String, Long> views = new HashMap<>();
        EVENTS.stream()
                .filter(e -> e.eventType() == EventType.VIEW)
                .forEach(e -> views.merge(e.itemId(), 1L, Long::sum));
        List<Long> counts = views.values().stream().sorted((a, b) -> Long.compare(b, a)).toList();
        long total = counts.stream().mapToLong(Long::longValue).sum();
        long topTenth =
                counts.subList(0, CONFIG.items() / 10).stream().mapToLong(Long::longValue).sum();

        assertThat((double) topTenth / total).isGreaterThan(0.4);
        assertThat(counts.get(0)).isGreaterThan(20 * counts.get(counts.size() / 2));
    }

    @Test
    void eachItemHasOneLogNormallySpreadPrice() {
        Map<String, Double> prices = new HashMap<>();
        for (ClickEvent e : EVENTS) {
            if (e.itemId() != null) {
                assertThat(e.price()).isPositive();
                Double previous = prices.putIfAbsent(e.itemId(), e.price());
                assertThat(previous == null || previous.equals(e.price())).as(e.itemId()).isTrue();
            }
        }
        double[] logs = prices.values().stream().mapToDouble(Math::log).toArray();
        double mean = java.util.Arrays.stream(logs).average().orElseThrow();
        double sd =
                Math.sqrt(
                        java.util.Arrays.stream(logs)
                                .map(l -> (l - mean) * (l - mean))
                                .average()
                                .orElseThrow());

        assertThat(sd).isBetween(0.5, 1.5);
        assertThat(
                        prices.values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .max()
                                        .orElseThrow()
                                / prices.values().stream()
                                        .mapToDouble(Double::doubleValue)
                                        .min()
                                        .orElseThrow())
                .isGreaterThan(20);
    }

    private static String department(ClickEvent e) {
        return e.categoryCode().substring(0, e.categoryCode().indexOf('.'));
    }
}
