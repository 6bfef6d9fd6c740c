package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ClickEventParserTest {

    private static final long NOW = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();

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
    void purchaseWithoutPriceIsAnOrderWithUnknownRevenue() {
        // Datasets such as Taobao UserBehavior record purchases without prices.
        ParseResult result =
                parse(
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"purchase\",\"item_id\":\"i\",\"ts\":1}");

        assertThat(result.event().eventType()).isEqualTo(EventType.PURCHASE);
        assertThat(result.event().price()).isNull();
    }

    @Test
    void epochMillisAndIsoTimestampsAreTheSameInstant() {
        long millis = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
        ParseResult iso = parse(view("\"2026-11-01T00:00:00Z\""));
        ParseResult epoch = parse(view(String.valueOf(millis)));

        assertThat(iso.event().timestamp()).isEqualTo(millis);
        assertThat(epoch.event().timestamp()).isEqualTo(millis);
    }

    @Test
    void writtenJsonParsesBackToTheSameEvent() {
        ClickEvent event =
                new ClickEvent(
                        "e7",
                        "u1",
                        EventType.SEARCH,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "red shoes \"size 9\"",
                        null,
                        null,
                        NOW - 1000);

        ParseResult back = parser.parse(new RawEvent(ClickEventJson.toJson(event), "test", NOW));

        assertThat(back.event()).isEqualTo(event);
    }

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                Arguments.of("{\"event_id\":", DeadLetterReason.MALFORMED_JSON),
                Arguments.of("[1,2,3]", DeadLetterReason.NOT_AN_OBJECT),
                Arguments.of(
                        "{\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":1}",
                        DeadLetterReason.MISSING_FIELD),
                Arguments.of(view("1").replace("\"u1\"", "\"  \""), DeadLetterReason.INVALID_FIELD),
                Arguments.of(
                        view("1").replace("\"i1\"", "{\"x\":1}"), DeadLetterReason.INVALID_FIELD),
                Arguments.of(
                        view("1").replace("\"view\"", "\"teleport\""),
                        DeadLetterReason.UNKNOWN_EVENT_TYPE),
                Arguments.of(purchase("-3.0"), DeadLetterReason.INVALID_PRICE),
                Arguments.of(purchase("\"cheap\""), DeadLetterReason.INVALID_PRICE),
                Arguments.of(purchase("1e400"), DeadLetterReason.INVALID_PRICE),
                Arguments.of(
                        purchase("5").replace("\"quantity\":1", "\"quantity\":0"),
                        DeadLetterReason.INVALID_QUANTITY),
                Arguments.of(
                        purchase("5").replace("\"quantity\":1", "\"quantity\":1.5"),
                        DeadLetterReason.INVALID_QUANTITY),
                Arguments.of(view("\"yesterday\""), DeadLetterReason.INVALID_TIMESTAMP),
                Arguments.of(view("true"), DeadLetterReason.INVALID_TIMESTAMP),
                Arguments.of(view("\"2027-01-01T00:00:00Z\""), DeadLetterReason.FUTURE_TIMESTAMP),
                Arguments.of(
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"search\",\"ts\":1}",
                        DeadLetterReason.MISSING_FIELD),
                Arguments.of(
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"purchase\",\"ts\":1}",
                        DeadLetterReason.MISSING_FIELD),
                Arguments.of(view("1") + " trailing", DeadLetterReason.MALFORMED_JSON));
    }

    @ParameterizedTest
    @MethodSource("badPayloads")
    void badPayloadBecomesADeadLetterWithItsReason(String payload, DeadLetterReason reason) {
        ParseResult result = parse(payload);

        assertThat(result.event()).isNull();
        assertThat(result.deadLetter().reason()).isEqualTo(reason);
        assertThat(result.deadLetter().rawPayload()).isEqualTo(payload);
        assertThat(result.deadLetter().source()).isEqualTo("topic-0@7");
        assertThat(result.deadLetter().detail()).isNotBlank();
    }

    @Test
    void nullOversizedAndInvalidUtf8PayloadsAreDeadLettered() {
        assertThat(parser.parse(new RawEvent(null, "s", NOW)).deadLetter().reason())
                .isEqualTo(DeadLetterReason.NULL_PAYLOAD);
        byte[] huge =
                view("1")
                        .replace("\"i1\"", "\"" + "x".repeat(70_000) + "\"")
                        .getBytes(StandardCharsets.UTF_8);
        assertThat(parser.parse(new RawEvent(huge, "s", NOW)).deadLetter().reason())
                .isEqualTo(DeadLetterReason.OVERSIZED_PAYLOAD);
        byte[] latin1 = view("1").replace("i1", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(parser.parse(new RawEvent(latin1, "s", NOW)).deadLetter().reason())
                .isEqualTo(DeadLetterReason.INVALID_UTF8);
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(7);
        byte[] valid = view("1").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 10_000; i++) {
            byte[] payload;
            if (i % 2 == 0) {
                payload = new byte[random.nextInt(200)];
                random.nextBytes(payload);
            } else {
                payload = valid.clone(); // a valid event with a few bytes flipped
                for (int flips = 0; flips < 3; flips++) {
                    payload[random.nextInt(payload.length)] = (byte) random.nextInt(256);
                }
            }
            ParseResult result = parser.parse(new RawEvent(payload, "fuzz", NOW));
            assertThat(result.valid() ^ (result.deadLetter() != null)).isTrue();
        }
    }

    private ParseResult parse(String payload) {
        return parser.parse(
                new RawEvent(payload.getBytes(StandardCharsets.UTF_8), "topic-0@7", NOW));
    }

    private static String view(String ts) {
        return "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"event_type\":\"view\",\"item_id\":\"i1\",\"ts\":"
                + ts
                + "}";
    }

    private static String purchase(String price) {
        return "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"event_type\":\"purchase\",\"item_id\":\"i1\","
                + "\"price\":"
                + price
                + ",\"quantity\":1,\"ts\":1}";
    }
}
