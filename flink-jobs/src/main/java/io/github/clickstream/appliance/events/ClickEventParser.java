package io.github.clickstream.appliance.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Turns the JSON wire format into {@link ClickEvent}s. It never throws: anything it cannot accept
 * becomes a {@link DeadLetter} with a reason code. Streaming Jackson (no tree, no data binding)
 * because it runs once per event on the hot path.
 */
public final class ClickEventParser {

    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build();

    private final ParserLimits limits;
    private final LongSupplier clock;

    public ClickEventParser(ParserLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    public ParseResult parse(RawEvent raw) {
        try {
            return new ParseResult(parseOrThrow(raw.payload()), null);
        } catch (InvalidEventException e) {
            return new ParseResult(null, deadLetter(raw, e.reason(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            return new ParseResult(
                    null, deadLetter(raw, DeadLetterReason.MALFORMED_JSON, firstLine(e)));
        }
    }

    private ClickEvent parseOrThrow(byte[] payload) throws IOException, InvalidEventException {
        if (payload == null) {
            throw new InvalidEventException(DeadLetterReason.NULL_PAYLOAD, "payload is null");
        }
        if (payload.length > limits.maxPayloadBytes()) {
            throw new InvalidEventException(
                    DeadLetterReason.OVERSIZED_PAYLOAD,
                    payload.length + " bytes > limit of " + limits.maxPayloadBytes());
        }
        requireUtf8(payload);
        EventFields fields = new EventFields();
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidEventException(
                        DeadLetterReason.NOT_AN_OBJECT, "payload is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                readField(fields, name, parser);
            }
            if (parser.nextToken() != null) {
                throw new InvalidEventException(
                        DeadLetterReason.MALFORMED_JSON, "trailing content after the object");
            }
        }
        return fields.toEvent(clock.getAsLong(), limits);
    }

    private static void readField(EventFields fields, String name, JsonParser parser)
            throws IOException, InvalidEventException {
        switch (name) {
            case "event_id" -> fields.eventId = id(parser, name);
            case "user_id" -> fields.userId = id(parser, name);
            case "item_id" -> fields.itemId = id(parser, name);
            case "category_id" -> fields.categoryId = id(parser, name);
            case "event_type" -> fields.eventType = text(parser, name);
            case "category_code" -> fields.categoryCode = text(parser, name);
            case "brand" -> fields.brand = text(parser, name);
            case "query" -> fields.query = text(parser, name);
            case "experiment" -> fields.experiment = text(parser, name);
            case "variant" -> fields.variant = text(parser, name);
            case "price" -> fields.price = price(parser);
            case "quantity" -> fields.quantity = quantity(parser);
            case "ts" -> fields.timestamp = timestamp(parser);
            default -> parser.skipChildren(); // unknown fields are allowed and ignored
        }
    }

    /** Ids may be JSON strings or integers (many shops use numeric ids); never blank. */
    private static String id(JsonParser parser, String name)
            throws IOException, InvalidEventException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return parser.getText();
        }
        String value = text(parser, name);
        if (value.isBlank()) {
            throw new InvalidEventException(DeadLetterReason.INVALID_FIELD, name + " is blank");
        }
        return value;
    }

    private static String text(JsonParser parser, String name)
            throws IOException, InvalidEventException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_STRING) {
            parser.skipChildren();
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_FIELD, name + " must be a string, not " + token);
        }
        return parser.getText();
    }

    private static Double price(JsonParser parser) throws IOException, InvalidEventException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isNumeric()) {
            parser.skipChildren();
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_PRICE, "price must be a number, not " + token);
        }
        double price = parser.getDoubleValue();
        if (!Double.isFinite(price) || price < 0) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_PRICE,
                    "price " + price + " is negative or not finite");
        }
        return price;
    }

    private static Integer quantity(JsonParser parser) throws IOException, InvalidEventException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token != JsonToken.VALUE_NUMBER_INT
                || parser.getNumberType() != JsonParser.NumberType.INT
                || parser.getIntValue() < 1) {
            parser.skipChildren();
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_QUANTITY,
                    "quantity must be a positive integer, not " + parser.getText());
        }
        return parser.getIntValue();
    }

    private static Long timestamp(JsonParser parser) throws IOException, InvalidEventException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT
                && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return parser.getLongValue();
        }
        if (token == JsonToken.VALUE_STRING) {
            return EventFields.parseIsoTimestamp(parser.getText());
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        parser.skipChildren();
        throw new InvalidEventException(
                DeadLetterReason.INVALID_TIMESTAMP,
                "ts must be ISO-8601 text or epoch milliseconds, not " + token);
    }

    private static void requireUtf8(byte[] payload) throws InvalidEventException {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload));
        } catch (CharacterCodingException e) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_UTF8, "payload is not valid UTF-8");
        }
    }

    private static DeadLetter deadLetter(RawEvent raw, DeadLetterReason reason, String detail) {
        String payload =
                raw.payload() == null
                        ? null
                        : new String(raw.payload(), StandardCharsets.UTF_8); // lossy on bad UTF-8
        return new DeadLetter(reason, detail, payload, raw.source(), raw.receivedAt(), null, null);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
