package io.github.clickstream.appliance.cli;

import io.github.clickstream.appliance.models.training.ModelPackager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Trains the three models from a training table: runs the bundled {@code train.py} with Debian's
 * scikit-learn, then converts each pickle to PMML with verification records and a model card.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description =
                "Train the propensity, churn and segment models on a training table (from"
                        + " `appliance features`) and write PMML files with model cards.")
final class TrainCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--table", required = true, description = "Training table CSV")
    Path table;

    @Option(
            names = "--out-dir",
            defaultValue = "pmml-models/models",
            description = "Where the PMML files and cards go. Default: ${DEFAULT-VALUE}")
    Path outDir;

    @Option(
            names = "--model-version",
            description = "Version written into the models. Default: today's date, yyyy.MM.dd")
    String version;

    @Option(
            names = "--split",
            defaultValue = "stratified",
            description = "stratified or time (newest users held out). Default: ${DEFAULT-VALUE}")
    String split;

    @Option(
            names = "--python",
            defaultValue = "/usr/bin/python3",
            description = "Python with scikit-learn and pandas. Default: ${DEFAULT-VALUE}")
    String python;

    @Option(names = "--seed", defaultValue = "42", description = "Default: ${DEFAULT-VALUE}")
    int seed;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(table)) {
            throw new ParameterException(spec.commandLine(), "Cannot read --table " + table);
        }
        String modelVersion =
                version != null
                        ? version
                        : LocalDate.now(ZoneOffset.UTC)
                                .format(DateTimeFormatter.ofPattern("yyyy.MM.dd"));
        Path work = Files.createTempDirectory("appliance-train");
        try {
            Path script = extractScript(work);
            List<String> command =
                    new ArrayList<>(
                            List.of(
                                    python,
                                    script.toString(),
                                    "--table",
                                    table.toString(),
                                    "--out-dir",
                                    work.resolve("out").toString(),
                                    "--split",
                                    split,
                                    "--seed",
                                    String.valueOf(seed)));
            runPython(command);
            List<Path> written =
                    ModelPackager.packageAll(work.resolve("out"), outDir, modelVersion);
            spec.commandLine().getOut().printf("Models %s written:%n", modelVersion);
            written.forEach(file -> spec.commandLine().getOut().println("  " + file));
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    private static Path extractScript(Path work) throws IOException {
        Path script = work.resolve("train.py");
        try (InputStream in = TrainCommand.class.getResourceAsStream("/training/train.py")) {
            if (in == null) {
                throw new IOException("train.py is missing from the appliance jar");
            }
            Files.copy(in, script);
        }
        return script;
    }

    private void runPython(List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException(
                    "Cannot run "
                            + python
                            + " ("
                            + e.getMessage()
                            + "). Install Python 3 with: apt-get install python3-sklearn"
                            + " python3-pandas");
        }
        try (var lines =
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(
                                process.getInputStream(),
                                java.nio.charset.StandardCharsets.UTF_8))) {
            lines.lines().forEach(line -> spec.commandLine().getOut().println("  " + line));
        }
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IOException(
                    "train.py failed (exit "
                            + exit
                            + "); see its output above. If scikit-learn is missing: apt-get"
                            + " install python3-sklearn python3-pandas");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
