package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.clickstream.appliance.api.ExperimentStatistics.VariantCounts;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checked by hand on a 2×2 table: control 100 of 1,000 sessions converted, treatment 130 of 1,000.
 * Pooled rate 230/2000 = 0.115, so every variant expects 115 converted and 885 not; chi-square =
 * 2·15²/115 + 2·15²/885 = 3.91304 + 0.50847 = 4.42152 with 1 degree of freedom, p = P(|Z| >
 * √4.42152 = 2.10274) = 0.035488. Wilson 95% bounds and the sample size (control 10%, +10% lift, 5%
 * two-sided, 80% power: 14,751 per variant) were worked out on paper and cross-checked with scipy
 * 1.17 ({@code chi2_contingency(..., correction=False)}).
 */
class ExperimentStatisticsTest {

    private static final VariantCounts CONTROL = new VariantCounts("control", 1000, 100, 5000);
    private static final VariantCounts TREATMENT =
            new VariantCounts("new-checkout", 1000, 130, 6900);

    @Test
    void chiSquareOfTheHandComputedTwoByTwoTable() {
        ExperimentStatistics.IndependenceTest test =
                ExperimentStatistics.independence(List.of(CONTROL, TREATMENT));

        assertThat(test.chiSquare()).isCloseTo(4.421518, within(1e-5));
        assertThat(test.degreesOfFreedom()).isEqualTo(1);
        assertThat(test.pValue()).isCloseTo(0.0354885, within(1e-6));
        assertThat(test.significant()).isTrue();
        assertThat(test.expectedCountsOk()).isTrue();
    }

    @Test
    void ratesIntervalsAndLiftPerVariant() {
        List<ExperimentStatistics.VariantResult> results =
                ExperimentStatistics.variants(List.of(CONTROL, TREATMENT), CONTROL, 0.10);

        ExperimentStatistics.VariantResult control = results.get(0);
        assertThat(control.conversionRate()).isEqualTo(0.10);
        assertThat(control.ciLow()).isCloseTo(0.0829094, within(1e-6));
        assertThat(control.ciHigh()).isCloseTo(0.1201520, within(1e-6));
        assertThat(control.liftVsControl()).isNull();

        ExperimentStatistics.VariantResult treatment = results.get(1);
        assertThat(treatment.conversionRate()).isEqualTo(0.13);
        assertThat(treatment.ciLow()).isCloseTo(0.1105638, within(1e-6));
        assertThat(treatment.ciHigh()).isCloseTo(0.1522680, within(1e-6));
        assertThat(treatment.liftVsControl()).isCloseTo(0.30, within(1e-12));
        assertThat(treatment.revenue()).isEqualTo(6900);
    }

    @Test
    void aThousandSessionsAreTooFewToDetectATenPercentLiftOnATenPercentRate() {
        assertThat(ExperimentStatistics.requiredSessions(0.10, 0.10)).isEqualTo(14_751L);
        assertThat(ExperimentStatistics.variants(List.of(CONTROL, TREATMENT), CONTROL, 0.10))
                .noneMatch(ExperimentStatistics.VariantResult::largeEnough);
        // A 50% lift needs far fewer: 0.10 vs 0.15 needs 686 per variant (same formula by hand).
        assertThat(ExperimentStatistics.requiredSessions(0.10, 0.50)).isEqualTo(686L);
        assertThat(ExperimentStatistics.variants(List.of(CONTROL, TREATMENT), CONTROL, 0.50))
                .allMatch(ExperimentStatistics.VariantResult::largeEnough);
    }

    @Test
    void threeVariantsHaveTwoDegreesOfFreedom() {
        ExperimentStatistics.IndependenceTest test =
                ExperimentStatistics.independence(
                        List.of(CONTROL, TREATMENT, new VariantCounts("c", 700, 90, 0)));

        // scipy: chi2_contingency([[100,900],[130,870],[90,610]], correction=False)
        assertThat(test.chiSquare()).isCloseTo(5.221526, within(1e-5));
        assertThat(test.degreesOfFreedom()).isEqualTo(2);
        assertThat(test.pValue()).isCloseTo(0.0734785, within(1e-6));
        assertThat(test.significant()).isFalse();
    }

    @Test
    void undefinedTestsSayWhyInsteadOfFailing() {
        assertThat(ExperimentStatistics.independence(List.of(CONTROL)).note())
                .contains("two variants");
        ExperimentStatistics.IndependenceTest none =
                ExperimentStatistics.independence(
                        List.of(
                                new VariantCounts("a", 10, 0, 0),
                                new VariantCounts("b", 12, 0, 0)));
        assertThat(none.pValue()).isNull();
        assertThat(none.note()).contains("nothing to compare");
        ExperimentStatistics.IndependenceTest small =
                ExperimentStatistics.independence(
                        List.of(
                                new VariantCounts("a", 20, 2, 0),
                                new VariantCounts("b", 20, 5, 0)));
        assertThat(small.expectedCountsOk()).isFalse();
        assertThat(small.note()).contains("below 5");
    }
}
