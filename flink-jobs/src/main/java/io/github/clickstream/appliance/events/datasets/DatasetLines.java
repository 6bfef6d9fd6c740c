package io.github.clickstream.appliance.events.datasets;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.clickstream.appliance.events.ClickEventParser;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.InvalidEventException;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.ParserLimits;
import io.github.clickstream.appliance.events.RawEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Adapts one line of a dataset file at a time, for readers that split files into lines themselves
 * (Flink's file source in batch jobs). A header line comes out as a dead letter like any other line
 * that is not an event. Not thread safe; one per operator instance.
 */
public final class DatasetLines {

    private static final ObjectReader CSV =
            new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[].class);

    private final DatasetFormat format;
    private final ClickEventParser json =
            new ClickEventParser(ParserLimits.defaults(), System::currentTimeMillis);

    public DatasetLines(DatasetFormat format) {
        this.format = format;
    }

    public ParseResult parse(String line, String source) {
        if (format == DatasetFormat.CANONICAL) {
            return json.parse(new RawEvent(line.getBytes(StandardCharsets.UTF_8), source, 0));
        }
        try {
            String[] row = CSV.readValue(line);
            return new ParseResult(format.adapter().adapt(row), null);
        } catch (InvalidEventException e) {
            return rejected(line, source, e.reason(), e.getMessage());
        } catch (IOException e) {
            return rejected(line, source, DeadLetterReason.MALFORMED_JSON, "not valid CSV");
        }
    }

    private static ParseResult rejected(
            String line, String source, DeadLetterReason reason, String detail) {
        return new ParseResult(null, new DeadLetter(reason, detail, line, source, 0, null, null));
    }
}
