package io.github.clickstream.appliance.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.clickstream.appliance.models.compiled.ScorerCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped models against scikit-learn itself: train.py wrote the holdout rows with
 * scikit-learn's predict_proba / predict and its own reason computation; the compiled scorers and
 * jpmml's interpreter must reproduce them.
 */
class ShippedModelParityTest {

    private static final double PROBABILITY_TOLERANCE = 1e-9;

    @ParameterizedTest
    @EnumSource(ModelSlot.class)
    void compiledAndInterpretedScoresEqualScikitLearnOnTheHoldout(ModelSlot slot) throws Exception {
        LoadedModel loaded = new ModelLoader(ModelLimits.DEFAULTS).load(ShippedModels.pmml(slot));
        Scorer compiled = ScorerCompiler.compile(loaded);
        Scorer interpreted = new InterpretedScorer(loaded);
        assertThat(compiled).isNotInstanceOf(InterpretedScorer.class);

        CsvTable holdout = holdout(slot);
        assertThat(holdout.rows()).hasSizeGreaterThanOrEqualTo(500);
        for (Map<String, String> row : holdout.rows()) {
            double[] inputs = CsvTable.numbers(row, compiled.inputNames());
            if (slot == ModelSlot.SEGMENT) {
                double cluster = Double.parseDouble(row.get("cluster"));
                assertThat(compiled.predict(inputs)).as(row.get("user_id")).isEqualTo(cluster);
                assertThat(interpreted.predict(inputs)).as(row.get("user_id")).isEqualTo(cluster);
            } else {
                double sklearn = Double.parseDouble(row.get("probability(1)"));
                assertThat(compiled.predict(inputs))
                        .as(row.get("user_id"))
                        .isCloseTo(sklearn, within(PROBABILITY_TOLERANCE));
                assertThat(interpreted.predict(inputs))
                        .as(row.get("user_id"))
                        .isCloseTo(sklearn, within(PROBABILITY_TOLERANCE));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = ModelSlot.class,
            names = {"PURCHASE_PROPENSITY", "CHURN_RISK"})
    void reasonsEqualScikitLearnsTopContributions(ModelSlot slot) throws Exception {
        Scorer compiled =
                ScorerCompiler.compile(
                        new ModelLoader(ModelLimits.DEFAULTS).load(ShippedModels.pmml(slot)));
        for (Map<String, String> row : holdout(slot).rows()) {
            List<Contribution> reasons =
                    compiled.explain(CsvTable.numbers(row, compiled.inputNames()), 3);
            for (int rank = 1; rank <= 3; rank++) {
                String feature = row.get("reason_" + rank);
                if (feature.isEmpty()) {
                    assertThat(reasons).as(row.get("user_id")).hasSizeLessThan(rank);
                    continue;
                }
                Contribution reason = reasons.get(rank - 1);
                assertThat(reason.feature()).as(row.get("user_id")).isEqualTo(feature);
                assertThat(reason.value())
                        .as(row.get("user_id"))
                        .isCloseTo(
                                Double.parseDouble(row.get("contribution_" + rank)),
                                within(PROBABILITY_TOLERANCE));
            }
        }
    }

    private static CsvTable holdout(ModelSlot slot) throws IOException {
        try (InputStream in =
                ShippedModelParityTest.class.getResourceAsStream(
                        "/models/" + slot.key() + ".holdout.csv")) {
            return CsvTable.read(in);
        }
    }
}
