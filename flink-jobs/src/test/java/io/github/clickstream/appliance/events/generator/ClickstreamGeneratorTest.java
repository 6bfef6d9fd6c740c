package io.github.clickstream.appliance.events.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.ClickEventParser;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.ParserLimits;
import io.github.clickstream.appliance.events.RawEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClickstreamGeneratorTest {

    private static final GeneratorConfig CONFIG =
            new GeneratorConfig(2_000, 1_000, 14, 42, GeneratorConfig.DEFAULT_START);
    private static final List<ClickEvent> EVENTS = generate(CONFIG);

    @Test
    void sameSeedSameStreamAndTimeNeverGoesBack() {
        assertThat(generate(CONFIG)).isEqualTo(EVENTS);
        assertThat(EVENTS).hasSizeGreaterThan(50_000);
        for (int i = 1; i < EVENTS.size(); i++) {
            assertThat(EVENTS.get(i).timestamp())
                    .isGreaterThanOrEqualTo(EVENTS.get(i - 1).timestamp());
        }
        assertThat(EVENTS.stream().map(ClickEvent::eventId).distinct().count())
                .isEqualTo(EVENTS.size());
    }

    @Test
    void everyEventSurvivesTheWireFormatAndTheParser() {
        ClickEventParser parser =
                new ClickEventParser(ParserLimits.defaults(), () -> Long.MAX_VALUE / 2);
        for (ClickEvent event : EVENTS.subList(0, 5_000)) {
            assertThat(parser.parse(new RawEvent(ClickEventJson.toJson(event), "g", 0)).event())
                    .isEqualTo(event);
        }
    }

    @Test
    void treatmentConvertsBetterThanControl() {
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
        assertThat(treatment).isGreaterThan(control * 1.1);
    }

    @Test
    void archetypesDifferInConversionAndChurn() {
        Map<Archetype, long[]> byArchetype = new HashMap<>(); // {views, purchases}
        Map<String, Archetype> archetypes = archetypesByUser();
        Map<Archetype, Set<String>> activeInLastWeek = new HashMap<>();
        long lastWeek = CONFIG.start().toEpochMilli() + 7 * 86_400_000L;
        for (ClickEvent e : EVENTS) {
            Archetype archetype = archetypes.get(e.userId());
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
        double loyalActive = share(activeInLastWeek, archetypes, Archetype.LOYAL_HIGH_SPENDER);
        double churningActive = share(activeInLastWeek, archetypes, Archetype.CHURNING);
        assertThat(loyalActive).isGreaterThan(0.9);
        assertThat(churningActive).isLessThan(loyalActive * 0.8);
    }

    @Test
    void consecutiveViewsShareACategoryFarMoreOftenThanChanceWould() {
        Map<String, Long> viewsPerCategory = new HashMap<>();
        Map<String, ClickEvent> previousView = new HashMap<>();
        long pairs = 0;
        long sameCategory = 0;
        for (ClickEvent e : EVENTS) {
            if (e.eventType() != EventType.VIEW) {
                continue;
            }
            viewsPerCategory.merge(e.categoryId(), 1L, Long::sum);
            ClickEvent previous = previousView.put(e.userId(), e);
            if (previous != null && e.timestamp() - previous.timestamp() < 30 * 60_000) {
                pairs++;
                if (previous.categoryId().equals(e.categoryId())) {
                    sameCategory++;
                }
            }
        }
        long views = viewsPerCategory.values().stream().mapToLong(Long::longValue).sum();
        double chance =
                viewsPerCategory.values().stream()
                        .mapToDouble(n -> Math.pow((double) n / views, 2))
                        .sum();
        assertThat((double) sameCategory / pairs).isGreaterThan(3 * chance).isGreaterThan(0.6);
    }

    private static Map<String, Archetype> archetypesByUser() {
        java.util.Random random = new java.util.Random(CONFIG.seed());
        Catalog catalog = new Catalog(CONFIG.items(), random);
        Map<String, Archetype> archetypes = new HashMap<>();
        for (int i = 0; i < CONFIG.users(); i++) {
            Shopper shopper = Shopper.draw(i, catalog, CONFIG.days(), random);
            archetypes.put(shopper.userId(), shopper.archetype());
        }
        return archetypes;
    }

    private static double share(
            Map<Archetype, Set<String>> active, Map<String, Archetype> all, Archetype archetype) {
        long total = all.values().stream().filter(a -> a == archetype).count();
        return (double) active.getOrDefault(archetype, Set.of()).size() / total;
    }

    private static double rate(long[] counts) {
        return (double) counts[1] / counts[0];
    }

    private static List<ClickEvent> generate(GeneratorConfig config) {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(config).forEachRemaining(events::add);
        return events;
    }
}
