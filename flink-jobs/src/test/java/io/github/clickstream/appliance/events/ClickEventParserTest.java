package io.github.clickstream.appliance.events;

import static io.github.clickstream.appliance.events.Payloads.NOW;
import static io.github.clickstream.appliance.events.Payloads.bytes;
import static io.github.clickstream.appliance.events.Payloads.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the parser accepts, and that what {@link ClickEventJson} writes is accepted. */
class ClickEventParserTest {

    private final ClickEventParser parser =
            new ClickEventParser(ParserLimits.defaults(), () -> NOW);

    @Test
    void validPurchaseIsParsedFieldByField() {
        ParseResult result =
                parse(
                        """
                        {"event_id":"e1","user_id":42,"event_type":"purchase","item_id":"i9",
                         "category_id":"c3","category_code":"electronics.phone","brand":"acme",
                         "price":19.5,"quantity":2,"experiment":"checkout-2026",
                         "variant":"treatment","ts":"2026-11-23T10:15:00+01:00","extra":{"a":[1]}}
                        """);

        assertThat(result.deadLetter()).isNull();
        assertThat(result.event())
                .isEqualTo(
                        new ClickEvent(
                                "e1",
                                "42",
                                EventType.PURCHASE,
                                "i9",
                                "c3",
                                "electronics.phone",
                                "acme",
                                19.5,
                                2,
                                null,
                                "checkout-2026",
                                "treatment",
                                Instant.parse("2026-11-23T09:15:00Z").toEpochMilli()));
    }

    @Test
    void purchaseWithoutPriceIsAnOrderWithUnknownRevenueByDefault() {
        // Datasets such as Taobao UserBehavior record purchases without prices.
        ParseResult result =
                parse(
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"purchase\",\"item_id\":\"i\",\"ts\":1}");

        assertThat(result.event().eventType()).isEqualTo(EventType.PURCHASE);
        assertThat(result.event().price()).isNull();
    }

    @Test
    void purchaseWithoutPriceIsAMissingFieldWhenPricesAreRequired() {
        ClickEventParser strict =
                new ClickEventParser(
                        ParserLimits.defaults().withPurchaseNeedsPrice(true), () -> NOW);
        String purchase =
                "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"purchase\",\"item_id\":\"i\",\"ts\":1}";

        ParseResult result = strict.parse(purchase.getBytes(StandardCharsets.UTF_8));

        assertThat(result.deadLetter().reason()).isEqualTo(DeadLetterReason.MISSING_FIELD);
        assertThat(result.deadLetter().detail()).contains("price");
        assertThat(strict.parse(view("1").getBytes(StandardCharsets.UTF_8)).valid()).isTrue();
    }

    @Test
    void epochMillisAndIsoTimestampsWithAnyOffsetAreTheSameInstant() {
        long millis = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();

        assertThat(parse(view("\"2026-11-01T00:00:00Z\"")).event().timestamp()).isEqualTo(millis);
        assertThat(parse(view("\"2026-11-01T08:00:00+08:00\"")).event().timestamp())
                .isEqualTo(millis);
        assertThat(parse(view("\"2026-10-31T23:00:00.000-01:00\"")).event().timestamp())
                .isEqualTo(millis);
        assertThat(parse(view(String.valueOf(millis))).event().timestamp()).isEqualTo(millis);
    }

    @Test
    void numericIdsAreKeptAsTheirDigits() {
        ClickEvent event =
                parse(
                                "{\"event_id\":7,\"user_id\":-12,\"event_type\":\"cart\","
                                        + "\"item_id\":900000000000000000001,\"category_id\":3,\"ts\":1}")
                        .event();

        assertThat(event.eventId()).isEqualTo("7");
        assertThat(event.userId()).isEqualTo("-12");
        assertThat(event.itemId()).isEqualTo("900000000000000000001");
        assertThat(event.categoryId()).isEqualTo("3");
    }

    @Test
    void explicitNullsAreAbsentFields() {
        ParseResult result =
                parse(
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\","
                                + "\"brand\":null,\"price\":null,\"quantity\":null,\"ts\":1}");

        assertThat(result.event().brand()).isNull();
        assertThat(result.event().price()).isNull();
        assertThat(result.event().quantity()).isNull();
    }

    @Test
    void writtenJsonUsesSnakeCaseKeysAndIsoUtcTime() {
        ClickEvent event =
                ClickEvent.builder("e1", "u1", EventType.REMOVE_FROM_CART, 1_511_658_000_000L)
                        .item("i1")
                        .category("c1", "home.lamp")
                        .price(3.5)
                        .quantity(2)
                        .build();

        assertThat(new String(ClickEventJson.toJson(event), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"event_type\":\"remove_from_cart\","
                                + "\"item_id\":\"i1\",\"category_id\":\"c1\",\"category_code\":\"home.lamp\","
                                + "\"price\":3.5,\"quantity\":2,\"ts\":\"2017-11-26T01:00:00Z\"}");
    }

    @Test
    void writtenJsonParsesBackToTheSameEvent() {
        ClickEvent event =
                ClickEvent.builder("e7", "u1", EventType.SEARCH, NOW - 1001)
                        .query("red shoes \"size 9\" \u00fcber \uD83D\uDC5F")
                        .experiment("checkout-2026", "control")
                        .build();

        ParseResult back = parser.parse(ClickEventJson.toJson(event));

        assertThat(back.event()).isEqualTo(event);
    }

    private ParseResult parse(String payload) {
        return parser.parse(new RawEvent(bytes(payload), "clickstream-0@7", NOW));
    }
}
