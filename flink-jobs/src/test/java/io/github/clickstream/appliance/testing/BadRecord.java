package io.github.clickstream.appliance.testing;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.DeadLetterReason;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A record the parser must refuse, with the reason it must give. {@code payload} is null for a
 * record without one.
 */
public record BadRecord(DeadLetterReason reason, byte[] payload) {

    /**
     * One bad record of each kind the parser refuses (twelve; duplicates and late events are
     * refused after parsing), some made from {@code valid} so that only the bad part differs.
     */
    public static List<BadRecord> ofEveryParserKind(ClickEvent valid) {
        String json = new String(ClickEventJson.toJson(valid), StandardCharsets.UTF_8);
        return List.of(
                of(DeadLetterReason.MALFORMED_JSON, "{\"event_id\":"),
                of(DeadLetterReason.NOT_AN_OBJECT, "\"just a string\""),
                of(DeadLetterReason.MISSING_FIELD, "{\"event_id\":\"x\"}"),
                of(
                        DeadLetterReason.INVALID_FIELD,
                        json.replaceFirst("\"user_id\":\"[^\"]*\"", "\"user_id\":[1]")),
                of(
                        DeadLetterReason.UNKNOWN_EVENT_TYPE,
                        json.replaceFirst(
                                "\"event_type\":\"[a-z_]*\"", "\"event_type\":\"hover\"")),
                of(
                        DeadLetterReason.INVALID_PRICE,
                        "{\"event_id\":\"p\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"price\":-1,\"ts\":1}"),
                of(
                        DeadLetterReason.INVALID_QUANTITY,
                        "{\"event_id\":\"q\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"quantity\":-2,\"ts\":1}"),
                of(
                        DeadLetterReason.INVALID_TIMESTAMP,
                        "{\"event_id\":\"t\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":\"soon\"}"),
                of(
                        DeadLetterReason.FUTURE_TIMESTAMP,
                        "{\"event_id\":\"f\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":\"2999-01-01T00:00:00Z\"}"),
                of(DeadLetterReason.OVERSIZED_PAYLOAD, "{\"pad\":\"" + "x".repeat(70_000) + "\"}"),
                new BadRecord(
                        DeadLetterReason.INVALID_UTF8,
                        new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}),
                new BadRecord(DeadLetterReason.NULL_PAYLOAD, null));
    }

    private static BadRecord of(DeadLetterReason reason, String payload) {
        return new BadRecord(reason, payload.getBytes(StandardCharsets.UTF_8));
    }
}
