package io.github.clickstream.appliance.models;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A small CSV file with a header, read whole: holdouts, golden sets, model-card inputs. */
public record CsvTable(List<String> columns, List<Map<String, String>> rows) {

    public static CsvTable read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    public static CsvTable read(InputStream in) throws IOException {
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder().ofNamedCsvRecord(in)) {
            List<Map<String, String>> rows =
                    reader.stream().map(NamedCsvRecord::getFieldsAsMap).toList();
            List<String> columns = rows.isEmpty() ? List.of() : List.copyOf(rows.get(0).keySet());
            return new CsvTable(columns, rows);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The named columns of a row as numbers; an empty or absent cell is NaN (missing). */
    public static double[] numbers(Map<String, String> row, List<String> names) {
        double[] values = new double[names.size()];
        for (int i = 0; i < values.length; i++) {
            String cell = row.get(names.get(i));
            values[i] = cell == null || cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
        }
        return values;
    }
}
