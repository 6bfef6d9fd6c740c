package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.models.ModelLoader;
import io.github.clickstream.appliance.models.ModelRejectedException;
import io.github.clickstream.appliance.models.ModelRejectedException.Reason;
import io.github.clickstream.appliance.models.batch.BatchSummary;
import io.github.clickstream.appliance.models.batch.CsvBatchScorer;
import io.github.clickstream.appliance.models.batch.UnusableInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Scores a CSV file with any PMML model (sklearn2pmml, R, KNIME ...), so a model can be checked on
 * known data before it is deployed. The model goes through the same checks as a deployment.
 */
@Command(
        name = "score",
        mixinStandardHelpOptions = true,
        description =
                "Score a CSV file with a PMML model: writes the input's columns, the model's"
                        + " target and output fields, and an error column.")
final class ScoreCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--model", required = true, description = "PMML file")
    Path model;

    @Option(names = "--input", required = true, description = "CSV file with a header line")
    Path input;

    @Option(names = "--output", required = true, description = "CSV file to write")
    Path output;

    @Option(
            names = "--progress",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Show a progress bar on stderr. Default: ${DEFAULT-VALUE}")
    boolean progress;

    @Override
    public Integer call() throws Exception {
        requireReadable(model, "--model");
        requireReadable(input, "--input");
        if (Files.exists(output) && Files.isSameFile(input, output)) {
            throw new ParameterException(spec.commandLine(), "--output must not be the --input");
        }
        LoadedModel loaded = load();
        BatchSummary summary;
        try (RowProgress rows = new RowProgress(progress)) {
            summary = new CsvBatchScorer(loaded).score(input, output, rows);
        } catch (UnusableInputException e) {
            // UserFacingErrors prints the message alone and exits with 1
            throw new IllegalArgumentException("Cannot score " + input + ": " + e.getMessage());
        }
        List<String> added = summary.addedColumns();
        spec.commandLine()
                .getOut()
                .printf(
                        "%,d rows: %,d scored, %,d with errors (column %s)%n"
                                + "Model %s added: %s%nWrote %s%n",
                        summary.rows(),
                        summary.rowsScored(),
                        summary.rowsWithErrors(),
                        added.get(added.size() - 1),
                        loaded.label(),
                        String.join(", ", added.subList(0, added.size() - 1)),
                        output);
        return 0;
    }

    private void requireReadable(Path file, String option) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "Cannot read " + option + " " + file);
        }
    }

    private LoadedModel load() throws IOException {
        ModelLimits limits = ModelLimits.DEFAULTS;
        try {
            long size = Files.size(model);
            if (size > limits.maxBytes()) { // refuse before reading a huge file into memory
                throw new ModelRejectedException(
                        Reason.TOO_LARGE,
                        "document has " + size + " bytes, the limit is " + limits.maxBytes());
            }
            return new ModelLoader(limits).load(Files.readAllBytes(model));
        } catch (ModelRejectedException e) {
            throw new IllegalArgumentException("Model " + model + " refused: " + e.getMessage());
        }
    }

    /** A progress bar that appears with the first row, so a refused input shows none. */
    private static final class RowProgress implements Runnable, AutoCloseable {

        private final boolean enabled;
        private ProgressBar bar;

        RowProgress(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public void run() {
            if (!enabled) {
                return;
            }
            if (bar == null) {
                bar =
                        new ProgressBarBuilder()
                                .setTaskName("Scoring")
                                .setUnit(" rows", 1)
                                .setStyle(ProgressBarStyle.ASCII)
                                .showSpeed()
                                .setInitialMax(-1)
                                .build();
            }
            bar.step();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
