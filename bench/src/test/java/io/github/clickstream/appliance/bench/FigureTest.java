package io.github.clickstream.appliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void medianOfAnOddCountIsTheMiddleRoundAndOfAnEvenCountTheMeanOfTheTwoMiddleOnes() {
        assertThat(Numbers.median(new double[] {9, 1, 5})).isEqualTo(5);
        assertThat(Numbers.median(new double[] {4, 1, 3, 10})).isEqualTo(3.5);
        assertThat(Numbers.median(new double[0])).isNaN();
    }

    @Test
    void ratioIsOursOverBaselineOnTheMediansAndTheGoalIsCheckedOnThem() {
        Figure ingest =
                figure(
                        new double[] {80, 95, 91},
                        new double[] {100, 100, 120},
                        Goal.ratioAtLeast(0.9));
        assertThat(ingest.ratio()).isEqualTo(0.91); // 91 / 100
        assertThat(ingest.met()).isTrue();

        Figure slow =
                figure(
                        new double[] {80, 85, 89},
                        new double[] {100, 100, 100},
                        Goal.ratioAtLeast(0.9));
        assertThat(slow.met()).isFalse();
    }

    @Test
    void combinedGoalNeedsBothAndAFigureWithoutGoalIsNeitherMetNorMissed() {
        Goal latency = Goal.oursAtMost(10, "ms").and(Goal.ratioAtMost(1.3));
        assertThat(latency.met(9, 8)).isTrue();
        assertThat(latency.met(9, 6)).isFalse(); // 1.5x direct
        assertThat(latency.met(12, 11)).isFalse(); // over 10 ms
        assertThat(latency.text()).isEqualTo("ours <= 10.0 ms and ratio <= 1.30");
        assertThat(figure(new double[] {1}, new double[] {2}, Goal.NONE).met()).isNull();
    }

    @Test
    void tableShowsMediansRatioRangeAndVerdict() {
        String table =
                ResultsTable.markdown(
                        List.of(
                                figure(
                                        new double[] {1_500, 1_200, 1_800},
                                        new double[] {3_000, 2_000, 2_500},
                                        Goal.ratioAtLeast(0.9))));
        assertThat(table)
                .contains(
                        "| ingest | docs: sink vs raw (docs/s) | 1,500 | 2,500 | 0.60 | 1,200–1,800 |"
                                + " 2,000–3,000 | ratio >= 0.90 | NOT MET |");
    }

    private static Figure figure(double[] ours, double[] baseline, Goal goal) {
        return new Figure("ingest", "docs", "docs/s", "sink", "raw", ours, baseline, goal);
    }
}
