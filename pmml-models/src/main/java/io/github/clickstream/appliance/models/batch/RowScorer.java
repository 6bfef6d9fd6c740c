package io.github.clickstream.appliance.models.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.OutputField;
import org.jpmml.evaluator.TargetField;

/**
 * Scores one CSV row: hands each input cell to jpmml as a raw string (an empty cell as missing), so
 * the model's own MiningField treatments decide what missing and invalid values mean, and returns
 * the model's fields as text.
 */
final class RowScorer {

    /** The column name for a target the model leaves unnamed (e.g. some clustering models). */
    static final String UNNAMED_TARGET = "prediction";

    private final Evaluator evaluator;
    private final Map<InputField, Integer> inputPositions;
    private final Map<String, String> resultColumns;
    private final List<String> columns;

    private RowScorer(
            Evaluator evaluator,
            Map<InputField, Integer> inputPositions,
            Map<String, String> resultColumns) {
        this.evaluator = evaluator;
        this.inputPositions = inputPositions;
        this.resultColumns = resultColumns;
        this.columns = List.copyOf(resultColumns.values());
    }

    /**
     * A scorer for rows laid out as {@code header}.
     *
     * @throws UnusableInputException naming every input field the header lacks
     */
    static RowScorer forHeader(Evaluator evaluator, List<String> header)
            throws UnusableInputException {
        Map<InputField, Integer> positions = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (InputField field : evaluator.getInputFields()) {
            int position = header.indexOf(field.getName());
            if (position < 0) {
                missing.add(field.getName());
            } else {
                positions.put(field, position);
            }
        }
        if (!missing.isEmpty()) {
            throw new UnusableInputException(
                    "the input lacks "
                            + (missing.size() == 1 ? "a column" : missing.size() + " columns")
                            + " the model reads: "
                            + String.join(", ", missing)
                            + " (the input has: "
                            + String.join(", ", header)
                            + ")");
        }
        return new RowScorer(evaluator, positions, resultColumns(evaluator));
    }

    /** The model's result fields as columns: target field(s), then output fields. */
    List<String> columns() {
        return columns;
    }

    /**
     * The model's values for one row, in {@link #columns()} order; an absent value is "".
     *
     * @throws RuntimeException whatever jpmml throws for a value it refuses
     */
    List<String> score(List<String> cells) {
        Map<String, Object> arguments = new HashMap<>();
        inputPositions.forEach(
                (field, position) -> {
                    String cell = cells.get(position);
                    arguments.put(field.getName(), field.prepare(cell.isEmpty() ? null : cell));
                });
        Map<String, ?> results = evaluator.evaluate(arguments);
        List<String> values = new ArrayList<>(columns.size());
        for (String field : resultColumns.keySet()) {
            Object value = EvaluatorUtil.decode(results.get(field));
            values.add(value == null ? "" : value.toString());
        }
        return values;
    }

    /** Result field name (null for an unnamed target) to column name. */
    private static Map<String, String> resultColumns(Evaluator evaluator) {
        Map<String, String> columns = new LinkedHashMap<>();
        List<OutputField> outputs = evaluator.getOutputFields();
        for (TargetField target : evaluator.getTargetFields()) {
            // An unnamed target duplicates what the output fields say, if there are any.
            if (!target.isSynthetic()) {
                columns.put(target.getName(), target.getName());
            } else if (outputs.isEmpty()) {
                columns.put(target.getName(), UNNAMED_TARGET);
            }
        }
        for (OutputField output : outputs) {
            columns.put(output.getName(), output.getName());
        }
        return columns;
    }
}
