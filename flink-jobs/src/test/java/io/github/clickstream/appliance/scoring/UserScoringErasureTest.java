package io.github.clickstream.appliance.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.models.CsvTable;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class UserScoringErasureTest {

    private static final long T0 = 1_790_000_000_000L;

    private static int stateEntries(AbstractStreamOperatorTestHarness<?> harness) {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    @Test
    void anErasureClearsTheUsersMemoryAndLaterUpdatesAreNotScored() throws Exception {
        CsvTable churn = MarketingActionsITCase.holdout("churn_risk");
        Map<String, String> high =
                MarketingActionsITCase.first(
                        churn, r -> MarketingActionsITCase.probability(r) > 0.9);
        try (var harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new UserScoring(ScoringConfig.DEFAULTS),
                        ScoringInput::userId,
                        Types.STRING,
                        UserScoring.MODELS)) {
            harness.processElement(
                    ScoringInput.update(MarketingActionsITCase.features("u1", T0, high)), T0);
            assertThat(harness.extractOutputValues()).hasSize(1);
            // at-risk flag and segment remembered for the marketing actions
            assertThat(stateEntries(harness)).isEqualTo(2);

            harness.processElement(ScoringInput.erasure("u1"), T0 + 1);
            harness.processElement(
                    ScoringInput.update(MarketingActionsITCase.features("u1", T0 + 2, high)),
                    T0 + 2);

            assertThat(harness.extractOutputValues())
                    .as("nothing scored after the erasure")
                    .hasSize(1);
            assertThat(stateEntries(harness)).as("only the erased mark").isEqualTo(1);
        }
    }
}
