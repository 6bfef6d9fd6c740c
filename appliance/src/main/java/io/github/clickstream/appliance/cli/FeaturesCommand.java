package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.events.datasets.DatasetFormat;
import io.github.clickstream.appliance.training.TrainingRow;
import io.github.clickstream.appliance.training.TrainingTableCsv;
import io.github.clickstream.appliance.training.TrainingTableJob;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Builds the training table: the pipeline's own features for every user as of a cut-off, with the
 * labels "purchased in the next 7 days" and "churned (no activity in the next 30 days)".
 */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = "Write the training table (features as of --as-of, plus labels) as CSV.")
final class FeaturesCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin DatasetInputOptions dataset = new DatasetInputOptions();

    @Option(
            names = "--as-of",
            required = true,
            description = "Cut-off, ISO-8601 (e.g. 2026-10-20T00:00:00Z)")
    String asOf;

    @Option(names = "--out", required = true, description = "CSV file to write")
    Path out;

    @Option(names = "--parallelism", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}")
    int parallelism;

    @Override
    public Integer call() throws Exception {
        DatasetFormat datasetFormat = dataset.validated(spec.commandLine());
        Instant cutOff;
        try {
            cutOff = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        spec.commandLine().getOut().println("Computing features as of " + cutOff + " ...");
        List<TrainingRow> rows =
                TrainingTableJob.run(
                        StreamExecutionEnvironment.createLocalEnvironment(parallelism),
                        dataset.input,
                        datasetFormat,
                        cutOff.toEpochMilli());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            TrainingTableCsv.write(rows, writer);
        }
        long buyers = rows.stream().filter(TrainingRow::purchasedNext7d).count();
        long churned = rows.stream().filter(TrainingRow::churned30d).count();
        spec.commandLine()
                .getOut()
                .printf(
                        "Wrote %,d users to %s (%,d purchased within 7 days, %,d churned)%n",
                        rows.size(), out, buyers, churned);
        return 0;
    }
}
