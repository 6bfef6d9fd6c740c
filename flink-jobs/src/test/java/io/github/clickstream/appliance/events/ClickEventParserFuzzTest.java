package io.github.clickstream.appliance.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Garbage in, dead letters out: the parser must survive anything a producer can send. */
class ClickEventParserFuzzTest {

    private static final long NOW = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();
    private static final String[] FRAGMENTS = {
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"event_id\"",
        "\"user_id\"",
        "\"event_type\"",
        "\"item_id\"",
        "\"price\"",
        "\"quantity\"",
        "\"ts\"",
        "\"query\"",
        "\"view\"",
        "\"purchase\"",
        "\"search\"",
        "\"x\"",
        "\"\"",
        "\"2026-11-23T10:00:00Z\"",
        "0",
        "-1",
        "1.5",
        "1e999",
        "12345678901234567890123",
        "true",
        "false",
        "null",
        "\"\\u0000\"",
        "\"\\ud800\"",
        " ",
        "\n",
        "\u00e9",
        "\uD83D\uDE00"
    };

    private final ClickEventParser parser =
            new ClickEventParser(ParserLimits.defaults(), () -> NOW);

    @Test
    void tenThousandRandomOrGarbledPayloadsNeverThrowAndAlwaysGiveOneOutcome() {
        Random random = new Random(7);
        byte[] valid = validEvent();
        Set<DeadLetterReason> reasons = EnumSet.noneOf(DeadLetterReason.class);
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] payload =
                    switch (i % 3) {
                        case 0 -> randomBytes(random);
                        case 1 -> garbled(valid, random);
                        default -> tokenSoup(random);
                    };

            ParseResult result = parser.parse(new RawEvent(payload, "fuzz@" + i, NOW));

            assertThat(result.valid()).isNotEqualTo(result.deadLetter() != null);
            if (result.valid()) {
                accepted++;
                assertWellFormed(result.event());
            } else {
                assertThat(result.deadLetter().reason()).isNotNull();
                assertThat(result.deadLetter().source()).isEqualTo("fuzz@" + i);
                reasons.add(result.deadLetter().reason());
            }
        }
        // The garbling reaches the rules behind the syntax, not only the JSON tokenizer.
        assertThat(accepted).isPositive();
        assertThat(reasons).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void anyValidEventSurvivesTheWireFormat() {
        Random random = new Random(11);
        for (int i = 0; i < 2_000; i++) {
            ClickEvent event = randomEvent(random);

            ParseResult back = parser.parse(ClickEventJson.toJson(event));

            assertThat(back.event()).as("round trip of %s", event).isEqualTo(event);
        }
    }

    private static void assertWellFormed(ClickEvent event) {
        assertThat(event.eventId()).isNotBlank();
        assertThat(event.userId()).isNotBlank();
        assertThat(event.eventType()).isNotNull();
        if (event.eventType().needsItem()) {
            assertThat(event.itemId()).isNotNull();
        }
        if (event.eventType() == EventType.SEARCH) {
            assertThat(event.query()).isNotNull();
        }
        if (event.price() != null) {
            assertThat(event.price()).isFinite().isNotNegative();
        }
        if (event.quantity() != null) {
            assertThat(event.quantity()).isPositive();
        }
        assertThat(event.timestamp()).isLessThanOrEqualTo(NOW + 86_400_000L);
    }

    private static byte[] validEvent() {
        return ClickEventJson.toJson(
                ClickEvent.builder("e-1", "u-1", EventType.PURCHASE, NOW - 60_000)
                        .item("i-1")
                        .category("c-1", "home.lamp")
                        .brand("acme")
                        .price(12.5)
                        .quantity(2)
                        .experiment("checkout-2026", "treatment")
                        .build());
    }

    private static byte[] randomBytes(Random random) {
        byte[] payload = new byte[random.nextInt(300)];
        random.nextBytes(payload);
        if (payload.length > 0 && random.nextBoolean()) {
            payload[0] = '{'; // get past the first token more often
        }
        return payload;
    }

    /** A valid event with a few bytes replaced, dropped or duplicated. */
    private static byte[] garbled(byte[] valid, Random random) {
        StringBuilder out = new StringBuilder(new String(valid, StandardCharsets.ISO_8859_1));
        for (int edits = 1 + random.nextInt(3); edits > 0 && out.length() > 0; edits--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.setCharAt(at, (char) random.nextInt(256));
                case 1 -> out.deleteCharAt(at);
                default -> out.insert(at, out.charAt(random.nextInt(out.length())));
            }
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] tokenSoup(Random random) {
        StringBuilder out = new StringBuilder("{");
        for (int n = random.nextInt(40); n > 0; n--) {
            out.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        if (random.nextBoolean()) {
            out.append('}');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static ClickEvent randomEvent(Random random) {
        EventType type = EventType.values()[random.nextInt(EventType.values().length)];
        ClickEvent.Builder event =
                ClickEvent.builder(
                        text(random, 1), text(random, 1), type, (long) (random.nextDouble() * NOW));
        if (type.needsItem() || random.nextBoolean()) {
            event.item(text(random, 1));
        }
        if (type == EventType.SEARCH || random.nextBoolean()) {
            event.query(text(random, 0));
        }
        if (random.nextBoolean()) {
            event.category(text(random, 1), random.nextBoolean() ? text(random, 0) : null);
        }
        if (random.nextBoolean()) {
            event.brand(text(random, 0));
        }
        if (random.nextBoolean()) {
            event.price(
                    random.nextBoolean()
                            ? random.nextInt(100_000) / 100.0
                            : random.nextDouble() * 1e6);
        }
        if (random.nextBoolean()) {
            event.quantity(1 + random.nextInt(Integer.MAX_VALUE - 1));
        }
        if (random.nextBoolean()) {
            event.experiment(text(random, 0), text(random, 0));
        }
        return event.build();
    }

    /** Random text with quotes, backslashes, control characters and non-ASCII. */
    private static String text(Random random, int minimumLetters) {
        String alphabet = "ab\"\\/\n\t\u0001 \u00e9\u4e2d\uD83D\uDE00-_.0";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < minimumLetters; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        for (int n = random.nextInt(12); n > 0; n--) {
            int at = random.nextInt(alphabet.length());
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet, at, at + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at));
            }
        }
        return text.toString();
    }
}
