package io.github.clickstream.appliance.api;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;

/**
 * The A/B statistics marketers need to read an experiment: per variant the conversion rate with a
 * 95% Wilson interval and the lift over control; across variants Pearson's chi-square test of
 * independence (variant × converted, no continuity correction) with its p-value; and whether each
 * variant has enough sessions to detect a given relative lift over control at 5% significance and
 * 80% power (two-proportion z-test sample size).
 */
final class ExperimentStatistics {

    static final double ALPHA = 0.05;
    static final double POWER = 0.8;

    /** Pearson's chi-square is trusted only when every expected cell count is at least this. */
    static final double MIN_EXPECTED_COUNT = 5;

    private static final NormalDistribution NORMAL = new NormalDistribution();
    private static final double Z_CONFIDENCE = NORMAL.inverseCumulativeProbability(1 - ALPHA / 2);
    private static final double Z_POWER = NORMAL.inverseCumulativeProbability(POWER);

    /** Sessions, converted sessions and revenue of one variant. */
    record VariantCounts(String variant, long sessions, long conversions, double revenue) {}

    /** One variant's figures; lift and required sessions are null where they are undefined. */
    record VariantResult(
            String variant,
            long sessions,
            long conversions,
            double conversionRate,
            double ciLow,
            double ciHigh,
            double revenue,
            Double liftVsControl,
            Long requiredSessions,
            boolean largeEnough) {}

    /** The chi-square test across all variants; null figures when it is undefined, with why. */
    record IndependenceTest(
            Double chiSquare,
            Integer degreesOfFreedom,
            Double pValue,
            Boolean significant,
            boolean expectedCountsOk,
            String note) {}

    private ExperimentStatistics() {}

    /** Wilson score interval for {@code conversions} out of {@code sessions} (95%). */
    static double[] wilson(long conversions, long sessions) {
        double n = sessions;
        double p = conversions / n;
        double z2 = Z_CONFIDENCE * Z_CONFIDENCE;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z_CONFIDENCE * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /**
     * Sessions per variant needed to detect a relative lift of {@code minimumLift} over a control
     * rate {@code p1}; null when the control rate leaves nothing to detect (0, or 1 and above).
     */
    static Long requiredSessions(double p1, double minimumLift) {
        double p2 = p1 * (1 + minimumLift);
        if (p1 <= 0 || p2 >= 1) {
            return null;
        }
        double pooled = (p1 + p2) / 2;
        double root =
                Z_CONFIDENCE * Math.sqrt(2 * pooled * (1 - pooled))
                        + Z_POWER * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long) Math.ceil(root * root / ((p1 - p2) * (p1 - p2)));
    }

    static List<VariantResult> variants(
            List<VariantCounts> counts, VariantCounts control, double minimumLift) {
        double controlRate = rate(control);
        Long required = requiredSessions(controlRate, minimumLift);
        List<VariantResult> results = new ArrayList<>();
        for (VariantCounts v : counts) {
            double rate = rate(v);
            double[] ci = wilson(v.conversions(), v.sessions());
            Double lift =
                    v == control || controlRate == 0 ? null : (rate - controlRate) / controlRate;
            results.add(
                    new VariantResult(
                            v.variant(),
                            v.sessions(),
                            v.conversions(),
                            rate,
                            ci[0],
                            ci[1],
                            v.revenue(),
                            lift,
                            required,
                            required != null && v.sessions() >= required));
        }
        return results;
    }

    static IndependenceTest independence(List<VariantCounts> counts) {
        if (counts.size() < 2) {
            return new IndependenceTest(
                    null, null, null, null, false, "needs sessions in at least two variants");
        }
        long[][] table = new long[counts.size()][];
        long sessions = 0;
        long conversions = 0;
        for (int i = 0; i < counts.size(); i++) {
            VariantCounts v = counts.get(i);
            table[i] = new long[] {v.conversions(), v.sessions() - v.conversions()};
            sessions += v.sessions();
            conversions += v.conversions();
        }
        if (conversions == 0 || conversions == sessions) {
            return new IndependenceTest(
                    null,
                    null,
                    null,
                    null,
                    false,
                    "every session converted the same way; there is nothing to compare");
        }
        boolean expectedOk = expectedCountsOk(counts, sessions, conversions);
        ChiSquareTest test = new ChiSquareTest();
        double pValue = test.chiSquareTest(table);
        return new IndependenceTest(
                test.chiSquare(table),
                counts.size() - 1,
                pValue,
                pValue < ALPHA,
                expectedOk,
                expectedOk
                        ? null
                        : "some expected cell counts are below 5: the p-value is unreliable");
    }

    private static boolean expectedCountsOk(
            List<VariantCounts> counts, long sessions, long conversions) {
        double convertedShare = (double) conversions / sessions;
        for (VariantCounts v : counts) {
            double expectedConverted = v.sessions() * convertedShare;
            double expectedNot = v.sessions() - expectedConverted;
            if (Math.min(expectedConverted, expectedNot) < MIN_EXPECTED_COUNT) {
                return false;
            }
        }
        return true;
    }

    private static double rate(VariantCounts v) {
        return (double) v.conversions() / v.sessions();
    }
}
