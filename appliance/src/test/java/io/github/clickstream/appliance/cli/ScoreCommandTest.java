package io.github.clickstream.appliance.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ScoreCommandTest {

    private static final List<String> SKLEARN_COLUMNS = List.of("probability(0)", "probability(1)");

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = ApplianceCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private int score(Path model, Path input, Path output) {
        return run(
                "score",
                "--model",
                model.toString(),
                "--input",
                input.toString(),
                "--output",
                output.toString(),
                "--no-progress");
    }

    @Test
    void scoresTheHoldoutLikeScikitLearnDidAndAddsTheModelsFieldsByTheirNames() throws Exception {
        List<List<String>> holdout = read(copyResource("/models/purchase_propensity.holdout.csv"));
        int sklearnP1 = holdout.get(0).indexOf("probability(1)");
        Path features = dir.resolve("features.csv");
        writeWithout(holdout, SKLEARN_COLUMNS, features);
        Path scored = dir.resolve("scored.csv");

        int exit = score(copyResource("/models/purchase_propensity.pmml"), features, scored);

        assertThat(exit).as(err.toString()).isZero();
        List<List<String>> in = read(features);
        List<List<String>> result = read(scored);
        List<String> header = result.get(0);
        assertThat(header.subList(0, in.get(0).size())).isEqualTo(in.get(0));
        assertThat(header.subList(in.get(0).size(), header.size()))
                .containsExactly("purchased_next_7d", "probability(0)", "probability(1)", "error");
        assertThat(result).hasSize(1001);
        int modelP1 = header.indexOf("probability(1)");
        for (int r = 1; r < result.size(); r++) {
            assertThat(result.get(r).subList(0, in.get(r).size())).isEqualTo(in.get(r));
            double sklearn = Double.parseDouble(holdout.get(r).get(sklearnP1));
            assertThat(Double.parseDouble(result.get(r).get(modelP1)))
                    .as("row %d", r)
                    .isCloseTo(sklearn, within(1e-9));
        }
        assertThat(out.toString())
                .contains("1,000 rows: 1,000 scored, 0 with errors (column error)")
                .containsPattern(
                        "Model purchase_propensity@\\S+ added: purchased_next_7d,"
                                + " probability\\(0\\), probability\\(1\\)")
                .contains("Wrote " + scored);
    }

    @Test
    void modelWithADoctypeIsRefusedNamingTheReason() throws Exception {
        Path model =
                Files.writeString(
                        dir.resolve("xxe.pmml"),
                        """
                        <?xml version="1.0"?>
                        <!DOCTYPE PMML [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
                          <Header>&secret;</Header>
                        </PMML>
                        """);
        Path input = Files.writeString(dir.resolve("in.csv"), "x\n1\n");
        Path output = dir.resolve("out.csv");

        int exit = score(model, input, output);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("Model " + model + " refused: DOCTYPE_FORBIDDEN")
                .doesNotContain("at io.github")
                .doesNotContain("/root:");
        assertThat(output).doesNotExist();
    }

    @Test
    void inputLackingColumnsTheModelReadsIsRefusedListingThem() throws Exception {
        List<List<String>> holdout = read(copyResource("/models/purchase_propensity.holdout.csv"));
        Path input = dir.resolve("partial.csv");
        writeWithout(holdout, List.of("tenure_days", "sessions_7d"), input);
        Path output = dir.resolve("out.csv");

        int exit = score(copyResource("/models/purchase_propensity.pmml"), input, output);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString())
                .contains("Cannot score " + input)
                .contains("lacks 2 columns the model reads: sessions_7d, tenure_days")
                .doesNotContain("at io.github");
        assertThat(output).doesNotExist();
    }

    @Test
    void emptyInputAndUnreadableFilesAreClearErrors() throws Exception {
        Path model = copyResource("/models/purchase_propensity.pmml");
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path output = dir.resolve("out.csv");

        assertThat(score(model, empty, output)).isEqualTo(1);
        assertThat(err.toString()).contains("Cannot score " + empty + ": the input is empty");

        assertThat(score(dir.resolve("missing.pmml"), empty, output)).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read --model " + dir.resolve("missing.pmml"));

        assertThat(score(model, dir.resolve("missing.csv"), output)).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot read --input " + dir.resolve("missing.csv"));
        assertThat(output).doesNotExist();
    }

    private Path copyResource(String name) throws IOException {
        Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        if (!Files.exists(target)) {
            try (InputStream in = ScoreCommandTest.class.getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                Files.copy(in, target);
            }
        }
        return target;
    }

    private static List<List<String>> read(Path csv) throws IOException {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        }
    }

    /** Writes {@code table} without the named columns. */
    private static void writeWithout(List<List<String>> table, List<String> dropped, Path file)
            throws IOException {
        List<String> header = table.get(0);
        try (CsvWriter writer = CsvWriter.builder().build(file)) {
            for (List<String> row : table) {
                writer.writeRecord(
                        java.util.stream.IntStream.range(0, row.size())
                                .filter(i -> !dropped.contains(header.get(i)))
                                .mapToObj(row::get)
                                .toList());
            }
        }
    }
}
