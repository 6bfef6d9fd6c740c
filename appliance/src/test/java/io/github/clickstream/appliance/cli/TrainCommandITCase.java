package io.github.clickstream.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.features.ModelFeatures;
import io.github.clickstream.appliance.models.CsvTable;
import io.github.clickstream.appliance.models.DeployedModel;
import io.github.clickstream.appliance.models.GoldenSet;
import io.github.clickstream.appliance.models.ModelDeployer;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.models.ModelSlot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The data scientist's path end to end: generated events, `appliance features`, `appliance train`
 * (scikit-learn through Debian's Python, then the PMML converter). Every model it writes must
 * deploy through the job's own checks, and score its holdout as scikit-learn did.
 */
class TrainCommandITCase {

    @Test
    void trainedModelsDeployAndReproduceScikitLearn(@TempDir Path dir) throws Exception {
        assumeTrue(
                pythonHasScikitLearn(),
                "needs /usr/bin/python3 with scikit-learn and pandas (.ci/run installs them)");
        Path events = dir.resolve("events.jsonl");
        Path table = dir.resolve("table.csv");
        Path models = dir.resolve("models");
        CommandLine cli = ApplianceCli.commandLine();
        StringWriter output = new StringWriter();
        cli.setOut(new PrintWriter(output, true));
        assertThat(
                        cli.execute(
                                "generate",
                                "--users",
                                "1500",
                                "--items",
                                "300",
                                "--days",
                                "40",
                                "--seed",
                                "11",
                                "--output",
                                events.toString()))
                .isZero();
        String asOf = GeneratorConfig.DEFAULT_START.plus(Duration.ofDays(10)).toString();
        assertThat(
                        cli.execute(
                                "features",
                                "--input",
                                events.toString(),
                                "--as-of",
                                asOf,
                                "--out",
                                table.toString()))
                .isZero();

        int exit =
                cli.execute(
                        "train",
                        "--table",
                        table.toString(),
                        "--out-dir",
                        models.toString(),
                        "--model-version",
                        "test-1");

        assertThat(exit).as(output.toString()).isZero();
        assertThat(output.toString()).contains("holdout AUC");
        ModelDeployer deployer =
                new ModelDeployer(
                        ModelFeatures.NAMES,
                        GoldenSet.shipped(ModelFeatures.NAMES),
                        ModelLimits.DEFAULTS);
        for (ModelSlot slot : ModelSlot.values()) {
            DeployedModel model =
                    deployer.deploy(slot, Files.readAllBytes(models.resolve(slot.key() + ".pmml")));
            assertThat(model.label()).isEqualTo(slot.key() + "@test-1");
            assertThat(Files.readString(models.resolve(slot.key() + ".md")))
                    .contains("Version:** test-1")
                    .contains("table.csv");
            assertHoldoutReproduced(slot, model, models);
        }
        assertThat(Files.readString(models.resolve("segment_labels.json"))).contains("at-risk");
    }

    private static void assertHoldoutReproduced(ModelSlot slot, DeployedModel model, Path dir)
            throws Exception {
        CsvTable holdout = CsvTable.read(dir.resolve(slot.key() + ".holdout.csv"));
        assertThat(holdout.rows()).isNotEmpty();
        for (Map<String, String> row : holdout.rows()) {
            double score = model.predict(CsvTable.numbers(row, ModelFeatures.NAMES));
            if (slot == ModelSlot.SEGMENT) {
                assertThat(score).isEqualTo(Double.parseDouble(row.get("cluster")));
            } else {
                assertThat(score)
                        .isCloseTo(Double.parseDouble(row.get("probability(1)")), within(1e-9));
            }
        }
    }

    private static boolean pythonHasScikitLearn() throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        Process check =
                new ProcessBuilder("/usr/bin/python3", "-c", "import sklearn, pandas")
                        .redirectErrorStream(true)
                        .start();
        return check.waitFor(60, TimeUnit.SECONDS) && check.exitValue() == 0;
    }
}
