package io.github.clickstream.appliance.events.datasets;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.clickstream.appliance.events.ClickEventParser;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.InvalidEventException;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.ParserLimits;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.Utf8;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Adapts one line of a dataset file at a time into a {@link ParseResult}; never throws. The one
 * place where a line becomes an event, used by {@link DatasetReader} and by readers that split
 * files into lines themselves (Flink's file source in batch jobs). CSV lines are split by a real
 * CSV parser (descriptions contain quoted commas), one line per record: every supported dataset
 * keeps records on one line, and a line with an unclosed quote is then one dead letter instead of
 * swallowing the rest of the file. Not thread safe; one per reader or operator instance.
 */
public final class DatasetLines {

    private static final CsvFactory CSV = new CsvFactory();
    private static final String[] NO_CELLS = new String[0];

    private final DatasetFormat format;
    private final ParserLimits limits;
    private final LongSupplier clock;
    private final ClickEventParser json;
    private final List<String> cells = new ArrayList<>();

    public DatasetLines(DatasetFormat format) {
        this(format, ParserLimits.defaults(), System::currentTimeMillis);
    }

    /**
     * @param limits line size limit for every format, and the JSON rules for {@code CANONICAL}
     * @param clock "now" for received-at times and the future-timestamp rule
     */
    public DatasetLines(DatasetFormat format, ParserLimits limits, LongSupplier clock) {
        this.format = format;
        this.limits = limits;
        this.clock = clock;
        this.json = new ClickEventParser(limits, clock);
    }

    /** A line as text (for example from Flink's {@code TextLineInputFormat}). */
    public ParseResult parse(String line, String source) {
        if (line == null || format == DatasetFormat.CANONICAL) {
            return parse(line == null ? null : line.getBytes(StandardCharsets.UTF_8), source);
        }
        if (line.length() > limits.maxPayloadBytes()) {
            return oversized(line.getBytes(StandardCharsets.UTF_8), source);
        }
        return csv(line, source);
    }

    /** A line as raw bytes, without its line break. */
    public ParseResult parse(byte[] line, String source) {
        if (line != null && line.length > limits.maxPayloadBytes()) {
            return oversized(line, source);
        }
        if (line == null || format == DatasetFormat.CANONICAL) {
            return json.parse(new RawEvent(line, source, clock.getAsLong()));
        }
        if (!Utf8.isValid(line)) {
            return rejected(
                    DeadLetterReason.INVALID_UTF8,
                    "line is not valid UTF-8",
                    new String(line, StandardCharsets.UTF_8),
                    source);
        }
        return csv(new String(line, StandardCharsets.UTF_8), source);
    }

    /** Whether the line is the format's header row rather than data. */
    public boolean isHeader(String line) {
        if (format == DatasetFormat.CANONICAL) {
            return false;
        }
        try {
            return format.adapter().isHeader(cells(line));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private ParseResult csv(String line, String source) {
        String[] cells;
        try {
            cells = cells(line);
        } catch (IOException | RuntimeException e) {
            return rejected(
                    DeadLetterReason.MALFORMED_CSV,
                    "not a CSV record: " + firstLine(e),
                    line,
                    source);
        }
        try {
            return ParseResult.of(format.adapter().adapt(cells));
        } catch (InvalidEventException e) {
            return rejected(e.reason(), e.getMessage(), line, source);
        } catch (RuntimeException e) { // an adapter bug must cost one line, not the file
            return rejected(DeadLetterReason.INVALID_FIELD, firstLine(e), line, source);
        }
    }

    /** The line's cells; without a schema the CSV parser reports a record as an array. */
    private String[] cells(String line) throws IOException {
        cells.clear();
        try (CsvParser parser = (CsvParser) CSV.createParser(line)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return NO_CELLS;
            }
            for (JsonToken token = parser.nextToken();
                    token != JsonToken.END_ARRAY;
                    token = parser.nextToken()) {
                if (token == null) {
                    throw new IOException("record ends early");
                }
                cells.add(parser.getText());
            }
            if (parser.nextToken() != null) {
                throw new IOException("more than one record on the line");
            }
        }
        return cells.toArray(NO_CELLS);
    }

    private ParseResult oversized(byte[] line, String source) {
        int limit = limits.maxPayloadBytes();
        return rejected(
                DeadLetterReason.OVERSIZED_PAYLOAD,
                "line longer than the limit of " + limit + " bytes (kept its first " + limit + ")",
                new String(line, 0, limit, StandardCharsets.UTF_8),
                source);
    }

    private ParseResult rejected(
            DeadLetterReason reason, String detail, String line, String source) {
        return ParseResult.of(
                new DeadLetter(reason, detail, line, source, clock.getAsLong(), null, null));
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
