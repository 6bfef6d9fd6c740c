package io.github.clickstream.appliance.events.generator;

import static io.github.clickstream.appliance.events.generator.GeneratedSample.CONFIG;
import static io.github.clickstream.appliance.events.generator.GeneratedSample.EVENTS;
import static io.github.clickstream.appliance.events.generator.GeneratedSample.generate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.ClickEventParser;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.ParserLimits;
import io.github.clickstream.appliance.events.RawEvent;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stream's contract: deterministic, ordered, lazy, and valid on the wire. */
class ClickstreamGeneratorTest {

    @Test
    void sameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        assertThat(generate(CONFIG)).isEqualTo(EVENTS);
        assertThat(generate(GeneratorConfig.of(2_000, 1_000, 14, 43)).subList(0, 100))
                .isNotEqualTo(EVENTS.subList(0, 100));
    }

    @Test
    void eventsComeInNonDecreasingTimeWithinThePeriodAndUniqueIds() {
        assertThat(EVENTS).hasSizeGreaterThan(50_000);
        for (int i = 1; i < EVENTS.size(); i++) {
            assertThat(EVENTS.get(i).timestamp())
                    .isGreaterThanOrEqualTo(EVENTS.get(i - 1).timestamp());
        }
        long start = CONFIG.start().toEpochMilli();
        assertThat(EVENTS.get(0).timestamp()).isGreaterThanOrEqualTo(start);
        assertThat(EVENTS.get(EVENTS.size() - 1).timestamp())
                .isLessThan(start + Duration.ofDays(CONFIG.days() + 1).toMillis());
        assertThat(EVENTS.stream().map(ClickEvent::eventId).distinct().count())
                .isEqualTo(EVENTS.size());
    }

    @Test
    void everyEventSurvivesTheWireFormatAndTheParser() {
        ClickEventParser parser =
                new ClickEventParser(
                        ParserLimits.defaults().withPurchaseNeedsPrice(true),
                        () -> Long.MAX_VALUE / 2);
        for (ClickEvent event : EVENTS) {
            assertThat(parser.parse(new RawEvent(ClickEventJson.toJson(event), "g", 0)).event())
                    .isEqualTo(event);
        }
    }

    @Test
    void everyKindOfShopperActionOccursAndRemovalsFollowCarts() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Set<String> inCart = new HashSet<>();
        for (ClickEvent e : EVENTS) {
            types.add(e.eventType());
            String key = e.userId() + "/" + e.itemId();
            switch (e.eventType()) {
                case CART -> inCart.add(key);
                case REMOVE_FROM_CART, PURCHASE -> assertThat(inCart).contains(key);
                case SEARCH -> assertThat(e.query()).isNotBlank();
                default -> {}
            }
            assertThat(e.experiment()).isEqualTo("checkout-2026");
        }
        assertThat(types).isEqualTo(EnumSet.complementOf(EnumSet.of(EventType.REFUND)));
    }

    @Test
    void aLongPeriodStartsStreamingAtOnce() {
        // Days are planned as the clock reaches them, so a century costs nothing up front.
        ClickstreamGenerator century =
                new ClickstreamGenerator(GeneratorConfig.of(500, 100, 36_500, 1));

        assertTimeoutPreemptively(
                Duration.ofSeconds(10),
                () -> {
                    for (int i = 0; i < 1_000; i++) {
                        century.next();
                    }
                });
    }
}
