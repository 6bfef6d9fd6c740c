package io.github.clickstream.appliance.bench;

/**
 * One line of the results table: a figure measured for the appliance ("ours") and for its baseline
 * in the same rounds of the same run, with the goal it is held to. {@code ours} and {@code
 * baseline} hold one value per round; a figure without a baseline has an empty one.
 */
record Figure(
        String benchmark,
        String name,
        String unit,
        String oursLabel,
        String baselineLabel,
        double[] ours,
        double[] baseline,
        Goal goal) {

    double oursMedian() {
        return Numbers.median(ours);
    }

    double baselineMedian() {
        return Numbers.median(baseline);
    }

    /** Ours over baseline, medians; NaN without a baseline. */
    double ratio() {
        return oursMedian() / baselineMedian();
    }

    /** Null when the figure has no goal. */
    Boolean met() {
        return goal.met(oursMedian(), baselineMedian());
    }
}
