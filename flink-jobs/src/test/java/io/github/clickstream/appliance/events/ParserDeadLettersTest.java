package io.github.clickstream.appliance.events;

import static io.github.clickstream.appliance.events.Payloads.NOW;
import static io.github.clickstream.appliance.events.Payloads.bytes;
import static io.github.clickstream.appliance.events.Payloads.purchase;
import static io.github.clickstream.appliance.events.Payloads.view;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the parser refuses, with which reason, and what the dead letter keeps. */
class ParserDeadLettersTest {

    private final ClickEventParser parser =
            new ClickEventParser(ParserLimits.defaults(), () -> NOW);

    static Stream<Arguments> onePayloadPerReason() {
        return Stream.of(
                reason(DeadLetterReason.NULL_PAYLOAD, (byte[]) null),
                reason(
                        DeadLetterReason.OVERSIZED_PAYLOAD,
                        view("1").replace("\"i1\"", "\"" + "x".repeat(70_000) + "\"")),
                reason(
                        DeadLetterReason.INVALID_UTF8,
                        view("1").replace("i1", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1)),
                reason(DeadLetterReason.MALFORMED_JSON, "{\"event_id\":"),
                reason(DeadLetterReason.MALFORMED_JSON, view("1") + " trailing"),
                reason(
                        DeadLetterReason.MALFORMED_JSON,
                        view("1")
                                .replace(
                                        "}", ",\"deep\":" + "[".repeat(99) + "]".repeat(99) + "}")),
                reason(DeadLetterReason.MALFORMED_JSON, " \n"),
                reason(DeadLetterReason.NOT_AN_OBJECT, "[1,2,3]"),
                reason(DeadLetterReason.NOT_AN_OBJECT, "\"just a string\""),
                reason(
                        DeadLetterReason.MISSING_FIELD,
                        "{\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":1}"),
                reason(
                        DeadLetterReason.MISSING_FIELD,
                        "{\"event_id\":\"e\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":1}"),
                reason(
                        DeadLetterReason.MISSING_FIELD,
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"item_id\":\"i\",\"ts\":1}"),
                reason(
                        DeadLetterReason.MISSING_FIELD,
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\"}"),
                reason(
                        DeadLetterReason.MISSING_FIELD,
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"cart\",\"ts\":1}"),
                reason(
                        DeadLetterReason.MISSING_FIELD,
                        "{\"event_id\":\"e\",\"user_id\":\"u\",\"event_type\":\"search\",\"ts\":1}"),
                reason(DeadLetterReason.INVALID_FIELD, view("1").replace("\"u1\"", "\"  \"")),
                reason(DeadLetterReason.INVALID_FIELD, view("1").replace("\"i1\"", "{\"x\":1}")),
                reason(DeadLetterReason.INVALID_FIELD, view("1").replace("\"u1\"", "1.5")),
                reason(DeadLetterReason.INVALID_FIELD, view("1").replace("\"view\"", "true")),
                reason(
                        DeadLetterReason.UNKNOWN_EVENT_TYPE,
                        view("1").replace("\"view\"", "\"teleport\"")),
                reason(
                        DeadLetterReason.UNKNOWN_EVENT_TYPE,
                        view("1").replace("\"view\"", "\"VIEW\"")),
                reason(DeadLetterReason.INVALID_PRICE, purchase("-3.0")),
                reason(DeadLetterReason.INVALID_PRICE, purchase("\"cheap\"")),
                reason(DeadLetterReason.INVALID_PRICE, purchase("\"19.99\"")),
                reason(DeadLetterReason.INVALID_PRICE, purchase("1e400")),
                reason(DeadLetterReason.INVALID_PRICE, purchase("[1]")),
                reason(DeadLetterReason.INVALID_QUANTITY, purchase("5").replace(":1,", ":0,")),
                reason(DeadLetterReason.INVALID_QUANTITY, purchase("5").replace(":1,", ":-2,")),
                reason(DeadLetterReason.INVALID_QUANTITY, purchase("5").replace(":1,", ":1.5,")),
                reason(
                        DeadLetterReason.INVALID_QUANTITY,
                        purchase("5").replace(":1,", ":3000000000,")),
                reason(DeadLetterReason.INVALID_QUANTITY, purchase("5").replace(":1,", ":\"2\",")),
                reason(DeadLetterReason.INVALID_TIMESTAMP, view("\"yesterday\"")),
                reason(DeadLetterReason.INVALID_TIMESTAMP, view("\"2026-11-23T10:15:00\"")),
                reason(DeadLetterReason.INVALID_TIMESTAMP, view("\"+999999999-12-31T00:00:00Z\"")),
                reason(DeadLetterReason.INVALID_TIMESTAMP, view("1.5e12")),
                reason(DeadLetterReason.INVALID_TIMESTAMP, view("99999999999999999999")),
                reason(DeadLetterReason.INVALID_TIMESTAMP, view("true")),
                reason(DeadLetterReason.FUTURE_TIMESTAMP, view("\"2026-11-24T12:00:01Z\"")),
                reason(DeadLetterReason.FUTURE_TIMESTAMP, view(String.valueOf(Long.MAX_VALUE))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("onePayloadPerReason")
    void badPayloadBecomesADeadLetterWithItsReason(
            DeadLetterReason reason, String description, byte[] payload) {
        ParseResult result = parser.parse(new RawEvent(payload, "clickstream-0@7", NOW));

        assertThat(result.event()).isNull();
        assertThat(result.deadLetter().reason()).isEqualTo(reason);
        assertThat(result.deadLetter().detail()).isNotBlank();
        assertThat(result.deadLetter().source()).isEqualTo("clickstream-0@7");
        assertThat(result.deadLetter().receivedAt()).isEqualTo(NOW);
        if (payload != null && payload.length <= ParserLimits.DEFAULT_MAX_PAYLOAD_BYTES) {
            assertThat(result.deadLetter().rawPayload())
                    .isEqualTo(new String(payload, StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyReasonThatParsingCanGiveHasAPayloadAbove() {
        Set<DeadLetterReason> covered =
                onePayloadPerReason()
                        .map(arguments -> (DeadLetterReason) arguments.get()[0])
                        .collect(Collectors.toSet());
        Set<DeadLetterReason> laterStages =
                EnumSet.of(
                        DeadLetterReason.DUPLICATE_EVENT,
                        DeadLetterReason.LATE_EVENT,
                        DeadLetterReason.INDEXING_REJECTED,
                        DeadLetterReason.MALFORMED_CSV,
                        DeadLetterReason.MODEL_REFUSED);

        assertThat(covered).isEqualTo(EnumSet.complementOf(EnumSet.copyOf(laterStages)));
    }

    @Test
    void timestampExactlyAtTheAllowedSkewIsAccepted() {
        ClickEventParser hourSkew =
                new ClickEventParser(new ParserLimits(1024, Duration.ofHours(1)), () -> NOW);
        long limit = NOW + Duration.ofHours(1).toMillis();

        assertThat(hourSkew.parse(bytes(view(String.valueOf(limit)))).valid()).isTrue();
        assertThat(hourSkew.parse(bytes(view(String.valueOf(limit + 1)))).deadLetter().reason())
                .isEqualTo(DeadLetterReason.FUTURE_TIMESTAMP);
    }

    @Test
    void payloadSizeLimitIsConfigurableAndCheckedBeforeParsing() {
        ClickEventParser small =
                new ClickEventParser(new ParserLimits(8, Duration.ofDays(1)), () -> NOW);

        DeadLetter deadLetter = small.parse(bytes("{\"not even json")).deadLetter();

        assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.OVERSIZED_PAYLOAD);
        assertThat(deadLetter.rawPayload()).isEqualTo("{\"not ev");
        assertThat(small.parse(bytes("[]")).deadLetter().reason())
                .isEqualTo(DeadLetterReason.NOT_AN_OBJECT);
    }

    @Test
    void oversizedPayloadIsKeptOnlyUpToTheLimitInItsDeadLetter() {
        byte[] huge = bytes(view("1").replace("\"i1\"", "\"" + "x".repeat(1_000_000) + "\""));

        DeadLetter deadLetter = parser.parse(huge).deadLetter();

        assertThat(deadLetter.rawPayload()).hasSize(ParserLimits.DEFAULT_MAX_PAYLOAD_BYTES);
        assertThat(deadLetter.detail()).contains(String.valueOf(huge.length));
    }

    @Test
    void invalidUtf8IsKeptLossilyDecodedInItsDeadLetter() {
        byte[] payload = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        DeadLetter deadLetter = parser.parse(payload).deadLetter();

        assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.INVALID_UTF8);
        assertThat(deadLetter.rawPayload()).isEqualTo("{\"a\":\"\uFFFD(\"}");
    }

    @Test
    void deadLetterNamesTheUserAndEventTimeWhenTheyWereRead() {
        DeadLetter deadLetter =
                parse(view("\"2026-11-20T00:00:00Z\"").replace("\"view\"", "\"hover\""))
                        .deadLetter();

        assertThat(deadLetter.userId()).isEqualTo("u1");
        assertThat(deadLetter.eventTime())
                .isEqualTo(Instant.parse("2026-11-20T00:00:00Z").toEpochMilli());
    }

    @Test
    void bytesWithoutAnOriginAreFromAnUnknownSourceReceivedNow() {
        DeadLetter deadLetter = parser.parse(bytes("nonsense")).deadLetter();

        assertThat(deadLetter.source()).isEqualTo(ClickEventParser.UNKNOWN_SOURCE);
        assertThat(deadLetter.receivedAt()).isEqualTo(NOW);
        assertThat(deadLetter.reason()).isEqualTo(DeadLetterReason.MALFORMED_JSON);
    }

    private ParseResult parse(String payload) {
        return parser.parse(new RawEvent(bytes(payload), "clickstream-0@7", NOW));
    }

    private static Arguments reason(DeadLetterReason reason, String payload) {
        return Arguments.of(reason, abbreviate(payload), bytes(payload));
    }

    private static Arguments reason(DeadLetterReason reason, byte[] payload) {
        String description =
                payload == null ? "null" : abbreviate(new String(payload, StandardCharsets.UTF_8));
        return Arguments.of(reason, description, payload);
    }

    private static String abbreviate(String payload) {
        return payload.length() <= 80 ? payload : payload.substring(0, 80) + "...";
    }
}
