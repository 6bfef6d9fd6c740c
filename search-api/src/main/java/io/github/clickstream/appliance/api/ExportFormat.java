package io.github.clickstream.appliance.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The formats an audience export streams: CSV (RFC 4180, header row of {@link
 * AudienceMember#COLUMNS}, empty cell for a missing value) or NDJSON (one JSON object per line, the
 * same keys as the search results).
 */
enum ExportFormat {
    CSV("text/csv; charset=utf-8", "csv"),
    NDJSON("application/x-ndjson", "ndjson");

    /**
     * Writes members to the response, buffered; nothing is sent before a flush or a full buffer.
     */
    interface RowWriter {
        void write(AudienceMember member) throws IOException;

        void flush() throws IOException;
    }

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    String contentType() {
        return contentType;
    }

    String fileName() {
        return "audience." + extension;
    }

    /** {@code ?format=} wins; otherwise NDJSON when the Accept header asks for it, else CSV. */
    static ExportFormat choose(String format, String accept) {
        if (format != null) {
            return switch (format.toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "ndjson" -> NDJSON;
                default ->
                        throw ApiException.invalidParameter(
                                "format must be csv or ndjson, got '" + format + "'");
            };
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return accepted.contains("application/x-ndjson") || accepted.contains("application/ndjson")
                ? NDJSON
                : CSV;
    }

    private static final Pattern FORMULA_START = Pattern.compile("[=+\\-@\t\r]");

    RowWriter open(OutputStream out) throws IOException {
        return this == CSV ? csv(out) : ndjson(out);
    }

    private static RowWriter csv(OutputStream out) {
        CsvWriter csv = CsvWriter.builder().build(out, StandardCharsets.UTF_8);
        csv.writeRecord(AudienceMember.COLUMNS);
        return new RowWriter() {
            @Override
            public void write(AudienceMember member) throws IOException {
                try {
                    csv.writeRecord(cells(member));
                } catch (UncheckedIOException e) {
                    throw e.getCause(); // FastCSV wraps the client's hang-up
                }
            }

            @Override
            public void flush() throws IOException {
                csv.flush();
            }
        };
    }

    private static RowWriter ndjson(OutputStream out) throws IOException {
        // One value per row without a flush each time; the page loop flushes.
        ObjectWriter writer =
                ApiJson.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
        JsonGenerator json = ApiJson.MAPPER.getFactory().createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return new RowWriter() {
            @Override
            public void write(AudienceMember member) throws IOException {
                writer.writeValue(json, member);
                json.writeRaw('\n');
            }

            @Override
            public void flush() throws IOException {
                json.flush();
            }
        };
    }

    /**
     * Numbers in plain notation (spreadsheets misread 1.2E7), instants in ISO-8601, and text that a
     * spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) prefixed with an
     * apostrophe, the usual guard against CSV formula injection through shop-supplied ids.
     */
    static List<String> cells(AudienceMember member) {
        List<String> cells = new ArrayList<>(AudienceMember.COLUMNS.size());
        for (Object value : member.values()) {
            if (value == null) {
                cells.add("");
            } else if (value instanceof Double number) {
                cells.add(BigDecimal.valueOf(number).stripTrailingZeros().toPlainString());
            } else if (value instanceof String text) {
                cells.add(FORMULA_START.matcher(text).lookingAt() ? "'" + text : text);
            } else {
                cells.add(value.toString());
            }
        }
        return cells;
    }
}
