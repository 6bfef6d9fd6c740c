package io.github.clickstream.appliance.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Turns the JSON wire format into {@link ClickEvent}s. It never throws: anything it cannot accept
 * becomes a {@link DeadLetter} with a reason code, the raw payload and, when they could be read,
 * the user and event time. Streaming Jackson (no tree, no data binding) and an allocation-free
 * UTF-8 check, because it runs once per event on the hot path. Thread safe.
 */
public final class ClickEventParser {

    /**
     * The source of dead letters from {@link #parse(byte[])}, which is not told where bytes came
     * from.
     */
    public static final String UNKNOWN_SOURCE = "unknown";

    private static final JsonFactory JSON =
            JsonFactory.builder()
                    .streamReadConstraints(
                            StreamReadConstraints.builder().maxNestingDepth(32).build())
                    .build();

    private final ParserLimits limits;
    private final LongSupplier clock;

    /**
     * @param clock epoch milliseconds "now", for the future-timestamp rule and the received-at time
     *     of {@link #parse(byte[])}; tests pass a fixed one
     */
    public ClickEventParser(ParserLimits limits, LongSupplier clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** Default limits and the system clock. */
    public ClickEventParser() {
        this(ParserLimits.defaults(), System::currentTimeMillis);
    }

    /** Parses bytes that arrived now from an unnamed source. */
    public ParseResult parse(byte[] payload) {
        return parse(new RawEvent(payload, UNKNOWN_SOURCE, clock.getAsLong()));
    }

    public ParseResult parse(RawEvent raw) {
        EventFields fields = new EventFields();
        try {
            return ParseResult.of(parseOrThrow(raw.payload(), fields));
        } catch (InvalidEventException e) {
            return ParseResult.of(deadLetter(raw, fields, e.reason(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            // Jackson reports syntax errors as IOExceptions; nothing else should get here, but a
            // parser bug must cost one record, not the job.
            return ParseResult.of(
                    deadLetter(raw, fields, DeadLetterReason.MALFORMED_JSON, firstLine(e)));
        }
    }

    private ClickEvent parseOrThrow(byte[] payload, EventFields fields)
            throws IOException, InvalidEventException {
        if (payload == null) {
            throw new InvalidEventException(DeadLetterReason.NULL_PAYLOAD, "payload is null");
        }
        if (payload.length > limits.maxPayloadBytes()) {
            throw new InvalidEventException(
                    DeadLetterReason.OVERSIZED_PAYLOAD,
                    payload.length
                            + " bytes > limit of "
                            + limits.maxPayloadBytes()
                            + " (raw payload truncated to the limit)");
        }
        if (!Utf8.isValid(payload)) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_UTF8, "payload is not valid UTF-8");
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidEventException(
                        DeadLetterReason.MALFORMED_JSON, "payload is empty or only whitespace");
            }
            if (first != JsonToken.START_OBJECT) {
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
            String found = token.isScalarValue() ? parser.getText() : token.toString();
            parser.skipChildren();
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_QUANTITY,
                    "quantity must be a positive whole number, not "
                            + EventFields.abbreviate(found));
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
            return IsoTimestamp.toEpochMillis(parser.getText());
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        parser.skipChildren();
        throw new InvalidEventException(
                DeadLetterReason.INVALID_TIMESTAMP,
                "ts must be ISO-8601 text or epoch milliseconds, not " + token);
    }

    private DeadLetter deadLetter(
            RawEvent raw, EventFields fields, DeadLetterReason reason, String detail) {
        byte[] payload = raw.payload();
        String text = null;
        if (payload != null) {
            // Keeps an oversized payload's head only: the dead letter must fit where it goes.
            int length = Math.min(payload.length, limits.maxPayloadBytes());
            text = new String(payload, 0, length, StandardCharsets.UTF_8); // lossy on bad UTF-8
        }
        return new DeadLetter(
                reason,
                detail,
                text,
                raw.source(),
                raw.receivedAt(),
                fields.userId,
                fields.timestamp);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
