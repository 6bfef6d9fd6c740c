package io.github.clickstream.appliance.training;

import io.github.clickstream.appliance.features.ModelFeatures;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Writes training rows as CSV whose column names are the feature names the models use (snake_case,
 * as on the user documents), then the two labels. Missing values (rates without a denominator) are
 * empty cells.
 */
public final class TrainingTableCsv {

    /** A column's value from the row and the row's model features (computed once per row). */
    private record Column(String name, BiFunction<TrainingRow, double[], Object> value) {}

    private static final List<Column> COLUMNS = columns();

    private TrainingTableCsv() {}

    private static List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("user_id", (row, features) -> row.features().userId()));
        for (int i = 0; i < ModelFeatures.NAMES.size(); i++) {
            int position = i;
            columns.add(
                    new Column(
                            ModelFeatures.NAMES.get(i),
                            (row, features) -> cell(features[position])));
        }
        columns.add(
                new Column(
                        "favourite_category",
                        (row, features) -> row.features().favouriteCategory()));
        columns.add(
                new Column("purchased_next_7d", (row, features) -> row.purchasedNext7d() ? 1 : 0));
        columns.add(new Column("churned_30d", (row, features) -> row.churned30d() ? 1 : 0));
        return List.copyOf(columns);
    }

    /** Whole numbers without a decimal point (counts stay counts), missing as an empty cell. */
    private static Object cell(double value) {
        if (Double.isNaN(value)) {
            return null;
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return (long) value;
        }
        return value;
    }

    public static List<String> header() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    public static void write(Iterable<TrainingRow> rows, Writer out) throws IOException {
        out.write(String.join(",", header()));
        out.write('\n');
        for (TrainingRow row : rows) {
            double[] features = ModelFeatures.values(row.features());
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object value = COLUMNS.get(i).value().apply(row, features);
                out.write(value == null ? "" : quoted(value.toString()));
            }
            out.write('\n');
        }
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
