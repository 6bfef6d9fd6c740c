package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ParseResult;
import io.github.clickstream.appliance.events.ParserLimits;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;

/**
 * Streams a dataset file as one {@link ParseResult} per data line, in file order and in constant
 * memory. Gzip is recognised by its magic bytes (whatever the file is called), a UTF-8 byte-order
 * mark and a header line are skipped when present, blank lines are ignored. Lines that are not
 * events come out as dead letters whose source is {@code <file name>:<line number>}; only a file
 * that cannot be read at all (missing, truncated gzip) throws.
 */
public final class DatasetReader implements Iterator<ParseResult>, Closeable {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final String fileName;
    private final DatasetLines parser;
    private final ByteLines lines;
    private long lineNumber;
    private byte[] pending;

    public DatasetReader(Path file, DatasetFormat format) throws IOException {
        this(file, format, ParserLimits.defaults(), System::currentTimeMillis);
    }

    public DatasetReader(Path file, DatasetFormat format, ParserLimits limits, LongSupplier clock)
            throws IOException {
        this.fileName = file.getFileName().toString();
        this.parser = new DatasetLines(format, limits, clock);
        this.lines = new ByteLines(open(file), limits.maxPayloadBytes());
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (IOException e) {
            in.close();
            throw new IOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            byte[] line = readLine();
            if (line == null) {
                return false;
            }
            lineNumber++;
            if (lineNumber == 1) {
                line = withoutByteOrderMark(line);
                if (parser.isHeader(new String(line, StandardCharsets.UTF_8))) {
                    continue;
                }
            }
            if (!blank(line)) {
                pending = line;
            }
        }
        return true;
    }

    @Override
    public ParseResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        byte[] line = pending;
        pending = null;
        return parser.parse(line, fileName + ":" + lineNumber);
    }

    private byte[] readLine() {
        try {
            return lines.next();
        } catch (EOFException e) {
            throw new UncheckedIOException(
                    fileName + " ends early after line " + lineNumber + "; is the file complete?",
                    e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot read " + fileName + " after line " + lineNumber + ": " + e.getMessage(),
                    e);
        }
    }

    private static byte[] withoutByteOrderMark(byte[] line) {
        boolean marked = line.length >= 3 && Arrays.equals(line, 0, 3, BYTE_ORDER_MARK, 0, 3);
        return marked ? Arrays.copyOfRange(line, 3, line.length) : line;
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
