package io.github.clickstream.appliance.events.datasets;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.github.clickstream.appliance.events.ClickEventParser;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.InvalidEventException;
import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.ParserLimits;
import io.github.clickstream.appliance.events.RawEvent;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;

/**
 * Streams a dataset file (plain or {@code .gz}) as one {@link ParseResult} per data row, in file
 * order and in constant memory. Rows that cannot be used come out as dead letters naming the file
 * and line, never as exceptions.
 */
public final class DatasetReader implements Iterator<ParseResult>, Closeable {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);

    private final DatasetFormat format;
    private final String fileName;
    private final BufferedReader lines;
    private final MappingIterator<String[]> rows;
    private final ClickEventParser jsonParser =
            new ClickEventParser(ParserLimits.defaults(), System::currentTimeMillis);
    private long lineNumber;
    private String nextJsonLine;

    public DatasetReader(Path file, DatasetFormat format) throws IOException {
        this.format = format;
        this.fileName = file.getFileName().toString();
        InputStream in = Files.newInputStream(file);
        if (fileName.endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        this.lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        if (format == DatasetFormat.CANONICAL) {
            this.rows = null;
        } else {
            this.rows = CSV.readerFor(String[].class).readValues(lines);
            if (format.adapter().hasHeader() && rows.hasNext()) {
                rows.next();
                lineNumber++;
            }
        }
    }

    @Override
    public boolean hasNext() {
        try {
            if (rows != null) {
                return rows.hasNext();
            }
            while (nextJsonLine == null) {
                String line = lines.readLine();
                if (line == null) {
                    return false;
                }
                lineNumber++;
                if (!line.isBlank()) {
                    nextJsonLine = line;
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fileName, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    fileName + " line " + (lineNumber + 1) + " is not valid CSV: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public ParseResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (rows == null) {
            String line = nextJsonLine; // hasNext() read and counted it
            nextJsonLine = null;
            return jsonParser.parse(
                    new RawEvent(
                            line.getBytes(StandardCharsets.UTF_8),
                            fileName + ":" + lineNumber,
                            now()));
        }
        lineNumber++;
        String source = fileName + ":" + lineNumber;
        String[] row = rows.next();
        try {
            return new ParseResult(format.adapter().adapt(row), null);
        } catch (InvalidEventException e) {
            return new ParseResult(null, deadLetter(row, source, e.reason(), e.getMessage()));
        }
    }

    private static DeadLetter deadLetter(
            String[] row, String source, DeadLetterReason reason, String detail) {
        return new DeadLetter(reason, detail, String.join(",", row), source, now(), null, null);
    }

    private static long now() {
        return System.currentTimeMillis();
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
