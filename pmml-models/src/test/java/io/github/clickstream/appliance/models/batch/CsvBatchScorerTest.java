package io.github.clickstream.appliance.models.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.models.ModelLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBatchScorerTest {

    /**
     * y = 1 + 2*x + (10 if color is red, 0 if blue). A missing x counts as 4, a missing color as
     * blue; a color outside {red, blue} or an x that is not a number is invalid, and returnInvalid
     * makes jpmml refuse the row.
     */
    static final String TINY_REGRESSION =
            """
            <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
              <Header/>
              <DataDictionary>
                <DataField name="y" optype="continuous" dataType="double"/>
                <DataField name="x" optype="continuous" dataType="double"/>
                <DataField name="color" optype="categorical" dataType="string">
                  <Value value="red"/>
                  <Value value="blue"/>
                </DataField>
              </DataDictionary>
              <RegressionModel modelName="tiny" functionName="regression">
                <MiningSchema>
                  <MiningField name="y" usageType="target"/>
                  <MiningField name="x" missingValueReplacement="4"
                      invalidValueTreatment="returnInvalid"/>
                  <MiningField name="color" missingValueReplacement="blue"
                      invalidValueTreatment="returnInvalid"/>
                </MiningSchema>
                <Output>
                  <OutputField name="y_hat" optype="continuous" dataType="double"
                      feature="predictedValue"/>
                </Output>
                <RegressionTable intercept="1">
                  <NumericPredictor name="x" coefficient="2"/>
                  <CategoricalPredictor name="color" value="red" coefficient="10"/>
                  <CategoricalPredictor name="color" value="blue" coefficient="0"/>
                </RegressionTable>
              </RegressionModel>
            </PMML>
            """;

    @TempDir Path dir;

    @Test
    void shippedModelReproducesScikitLearnOnTheHoldoutAndKeepsItsColumns() throws Exception {
        Path holdout = copyResource("/models/purchase_propensity.holdout.csv");
        Path scored = dir.resolve("scored.csv");

        BatchSummary summary =
                new CsvBatchScorer(load(copyResource("/models/purchase_propensity.pmml")))
                        .score(holdout, scored, () -> {});

        List<List<String>> in = read(holdout);
        List<List<String>> out = read(scored);
        List<String> inHeader = in.get(0);
        // The holdout already has scikit-learn's probability(0) and probability(1): the model's
        // columns of the same names get the clash suffix instead of overwriting them.
        List<String> added =
                List.of(
                        "purchased_next_7d",
                        "probability(0)_model",
                        "probability(1)_model",
                        "error");
        assertThat(summary.addedColumns()).isEqualTo(added);
        assertThat(summary.rows()).isEqualTo(in.size() - 1).isEqualTo(1000);
        assertThat(summary.rowsWithErrors()).isZero();
        assertThat(out.get(0).subList(0, inHeader.size())).isEqualTo(inHeader);
        assertThat(out.get(0).subList(inHeader.size(), out.get(0).size())).isEqualTo(added);
        assertThat(out).hasSameSizeAs(in);
        int sklearnP1 = inHeader.indexOf("probability(1)");
        int modelP1 = out.get(0).indexOf("probability(1)_model");
        int predicted = out.get(0).indexOf("purchased_next_7d");
        for (int r = 1; r < out.size(); r++) {
            List<String> row = out.get(r);
            assertThat(row.subList(0, inHeader.size())).isEqualTo(in.get(r));
            double expected = Double.parseDouble(in.get(r).get(sklearnP1));
            assertThat(Double.parseDouble(row.get(modelP1))).isCloseTo(expected, within(1e-9));
            assertThat(row.get(predicted)).isEqualTo(expected > 0.5 ? "1" : "0");
            assertThat(row.get(row.size() - 1)).isEmpty();
        }
    }

    @Test
    void missingAndInvalidValuesFollowTheModelsTreatmentsRowByRow() throws Exception {
        Path input =
                write(
                        "rows.csv",
                        """
                        id,x,color
                        a,1,red
                        b,,blue
                        c,2,purple
                        d,3,
                        e,abc,red
                        f,1
                        g,0.5,red
                        """);
        Path scored = dir.resolve("scored.csv");
        AtomicLong progress = new AtomicLong();

        BatchSummary summary =
                new CsvBatchScorer(load(write("tiny.pmml", TINY_REGRESSION)))
                        .score(input, scored, progress::incrementAndGet);

        List<List<String>> out = read(scored);
        assertThat(out.get(0)).containsExactly("id", "x", "color", "y", "y_hat", "error");
        // a: 1 + 2*1 + 10 = 13
        assertThat(out.get(1)).startsWith("a", "1", "red", "13.0", "13.0", "");
        // b: x missing -> 4 (missingValueReplacement): 1 + 2*4 + 0 = 9
        assertThat(out.get(2)).startsWith("b", "", "blue", "9.0", "9.0", "");
        // c: purple is not a declared category -> returnInvalid: an error, no scores
        assertThat(out.get(3)).startsWith("c", "2", "purple", "", "");
        assertThat(out.get(3).get(5)).contains("purple");
        // d: color missing -> blue: 1 + 2*3 + 0 = 7
        assertThat(out.get(4)).startsWith("d", "3", "", "7.0", "7.0", "");
        // e: "abc" is not a double -> invalid x -> returnInvalid
        assertThat(out.get(5)).startsWith("e", "abc", "red", "", "");
        assertThat(out.get(5).get(5)).contains("abc");
        // f: a short row is padded to the header's width and reported
        assertThat(out.get(6))
                .containsExactly("f", "1", "", "", "", "the row has 2 fields, the header has 3");
        // g: rows after bad ones are still scored: 1 + 2*0.5 + 10 = 12
        assertThat(out.get(7)).containsExactly("g", "0.5", "red", "12.0", "12.0", "");
        assertThat(summary.rows()).isEqualTo(7);
        assertThat(summary.rowsWithErrors()).isEqualTo(3);
        assertThat(summary.rowsScored()).isEqualTo(4);
        assertThat(progress).hasValue(7);
    }

    @Test
    void inputLackingModelColumnsIsRefusedNamingThemAndWritesNothing() throws Exception {
        Path input = write("rows.csv", "id,colour\na,red\n");
        Path scored = dir.resolve("scored.csv");
        CsvBatchScorer scorer = new CsvBatchScorer(load(write("tiny.pmml", TINY_REGRESSION)));

        assertThatThrownBy(() -> scorer.score(input, scored, () -> {}))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("lacks 2 columns the model reads: x, color")
                .hasMessageContaining("the input has: id, colour");
        assertThat(scored).doesNotExist();
    }

    @Test
    void emptyInputAndHeaderOnlyInputAreRefused() throws Exception {
        CsvBatchScorer scorer = new CsvBatchScorer(load(write("tiny.pmml", TINY_REGRESSION)));
        Path scored = dir.resolve("scored.csv");

        assertThatThrownBy(() -> scorer.score(write("empty.csv", ""), scored, () -> {}))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> scorer.score(write("header.csv", "x,color\n"), scored, () -> {}))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("no rows");
        assertThat(scored).doesNotExist();
    }

    @Test
    void aModelWithoutANamedTargetOrOutputsWritesItsPredictionAsPrediction() throws Exception {
        Path model =
                write(
                        "unnamed.pmml",
                        """
                        <PMML xmlns="http://www.dmg.org/PMML-4_4" version="4.4">
                          <Header/>
                          <DataDictionary>
                            <DataField name="x" optype="continuous" dataType="double"/>
                          </DataDictionary>
                          <RegressionModel functionName="regression">
                            <MiningSchema>
                              <MiningField name="x"/>
                            </MiningSchema>
                            <RegressionTable intercept="1">
                              <NumericPredictor name="x" coefficient="2"/>
                            </RegressionTable>
                          </RegressionModel>
                        </PMML>
                        """);
        Path scored = dir.resolve("scored.csv");

        new CsvBatchScorer(load(model)).score(write("rows.csv", "x\n3\n"), scored, () -> {});

        // 1 + 2*3 = 7
        assertThat(read(scored))
                .containsExactly(List.of("x", "prediction", "error"), List.of("3", "7.0", ""));
    }

    @Test
    void appendedColumnsNeverShadowInputColumns() {
        assertThat(
                        OutputColumns.appended(
                                List.of("id", "y", "error", "y_model"), List.of("y", "p")))
                .containsExactly("y_model_model", "p", "error_model");
    }

    private static LoadedModel load(Path pmml) throws Exception {
        return new ModelLoader(ModelLimits.DEFAULTS).load(Files.readAllBytes(pmml));
    }

    private Path copyResource(String name) throws IOException {
        Path target = dir.resolve(name.substring(name.lastIndexOf('/') + 1));
        try (InputStream in = CsvBatchScorerTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            Files.copy(in, target);
        }
        return target;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<List<String>> read(Path csv) throws IOException {
        try (CsvReader<CsvRecord> reader =
                CsvReader.builder().ignoreDifferentFieldCount(true).ofCsvRecord(csv)) {
            return reader.stream().map(CsvRecord::getFields).toList();
        }
    }
}
