package io.github.clickstream.appliance.models.batch;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.github.clickstream.appliance.models.LoadedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.jpmml.evaluator.Evaluator;

/**
 * Scores a CSV file with a PMML model, one row at a time (constant memory): every input column is
 * copied unchanged, the model's target and output fields follow (see {@link OutputColumns} for name
 * clashes), and the last column holds the error for a row the model refused, whose score cells are
 * then empty. A bad row never stops the run.
 */
public final class CsvBatchScorer {

    private final Evaluator evaluator;

    public CsvBatchScorer(LoadedModel model) {
        this.evaluator = model.evaluator();
    }

    /**
     * Scores {@code input} into {@code output}, calling {@code afterEachRow} once per data row.
     * Nothing is written when the input is empty or lacks a column the model reads.
     */
    public BatchSummary score(Path input, Path output, Runnable afterEachRow)
            throws IOException, UnusableInputException {
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder()
                        .ignoreDifferentFieldCount(true) // a short row is that row's error
                        .detectBomHeader(true)
                        .ofCsvRecord(input)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw new UnusableInputException("the input is empty: no header line");
            }
            List<String> header = records.next().getFields();
            if (!records.hasNext()) {
                throw new UnusableInputException("the input has a header but no rows");
            }
            RowScorer rowScorer = RowScorer.forHeader(evaluator, header);
            List<String> appended = OutputColumns.appended(header, rowScorer.columns());
            List<String> columns = new ArrayList<>(header);
            columns.addAll(appended);
            long rows = 0;
            long errors = 0;
            try (CsvWriter writer = CsvWriter.builder().build(output)) {
                writer.writeRecord(columns);
                while (records.hasNext()) {
                    List<String> row = scoredRow(rowScorer, records.next().getFields(), header);
                    writer.writeRecord(row);
                    rows++;
                    if (!row.get(row.size() - 1).isEmpty()) {
                        errors++;
                    }
                    afterEachRow.run();
                }
            }
            return new BatchSummary(rows, errors, appended);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (CsvParseException e) {
            throw new UnusableInputException("the input is not valid CSV: " + e.getMessage());
        }
    }

    /** One output row: the input cells (fitted to the header), the scores, the error or "". */
    private static List<String> scoredRow(
            RowScorer rowScorer, List<String> cells, List<String> header) {
        int width = header.size();
        List<String> row = new ArrayList<>(cells.subList(0, Math.min(cells.size(), width)));
        row.addAll(Collections.nCopies(width - row.size(), ""));
        List<String> noScores = Collections.nCopies(rowScorer.columns().size(), "");
        if (cells.size() != width) {
            row.addAll(noScores);
            row.add("the row has " + cells.size() + " fields, the header has " + width);
            return row;
        }
        try {
            row.addAll(rowScorer.score(cells));
            row.add("");
        } catch (RuntimeException e) {
            // jpmml reports a refused value (e.g. invalidValueTreatment="returnInvalid") by
            // throwing; any such failure belongs to this row alone.
            row.addAll(noScores);
            row.add(describe(e));
        }
        return row;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
