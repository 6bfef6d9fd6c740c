package io.github.clickstream.appliance.events.datasets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines (LF or CRLF) without decoding them, keeping at most {@code
 * maxLineBytes + 1} bytes of each: enough for the caller to see that a line is over the limit, and
 * a file that is one enormous line cannot exhaust memory. Bytes, not chars, so that invalid UTF-8
 * reaches the validator instead of being silently replaced by a decoder.
 */
final class ByteLines implements Closeable {

    private final InputStream in;
    private final int keep;
    private final byte[] chunk = new byte[1 << 16];
    private int position;
    private int end;
    private byte[] line = new byte[256];
    private int length;

    ByteLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.keep = maxLineBytes == Integer.MAX_VALUE ? maxLineBytes : maxLineBytes + 1;
    }

    /** The next line without its line break, or null at the end of the stream. */
    byte[] next() throws IOException {
        length = 0;
        boolean any = false;
        while (true) {
            if (position == end) {
                end = in.read(chunk, 0, chunk.length);
                position = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? finish() : null;
                }
            }
            any = true;
            int start = position;
            while (position < end && chunk[position] != '\n') {
                position++;
            }
            append(start, position);
            if (position < end) {
                position++; // the '\n'
                return finish();
            }
        }
    }

    private void append(int from, int to) {
        int count = Math.min(to - from, keep - length);
        if (count <= 0) {
            return;
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, Math.min(keep, Math.max(length + count, line.length * 2)));
        }
        System.arraycopy(chunk, from, line, length, count);
        length += count;
    }

    private byte[] finish() {
        int size = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return Arrays.copyOf(line, size);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
