package io.github.clickstream.appliance.bench;

/**
 * What a figure should reach, as text for the table and as a check on the medians of ours and of
 * the baseline. {@link #NONE} when the issue sets no goal for the figure.
 */
record Goal(String text, Check check) {

    static final Goal NONE = new Goal("-", null);

    /** Whether the medians meet the goal. */
    interface Check {
        boolean met(double ours, double baseline);
    }

    static Goal ratioAtLeast(double ratio) {
        return new Goal("ratio >= " + Numbers.format(ratio), (o, b) -> o / b >= ratio);
    }

    static Goal ratioAtMost(double ratio) {
        return new Goal("ratio <= " + Numbers.format(ratio), (o, b) -> o / b <= ratio);
    }

    static Goal oursAtLeast(double value, String unit) {
        return new Goal("ours >= " + Numbers.format(value) + " " + unit, (o, b) -> o >= value);
    }

    static Goal oursAtMost(double value, String unit) {
        return new Goal("ours <= " + Numbers.format(value) + " " + unit, (o, b) -> o <= value);
    }

    Goal and(Goal other) {
        return new Goal(
                text + " and " + other.text, (o, b) -> check.met(o, b) && other.check.met(o, b));
    }

    /** Null when there is no goal or a median is missing. */
    Boolean met(double ours, double baseline) {
        if (check == null || Double.isNaN(ours)) {
            return null;
        }
        return check.met(ours, baseline);
    }
}
