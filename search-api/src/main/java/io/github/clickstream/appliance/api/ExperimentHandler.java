package io.github.clickstream.appliance.api;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/v1/experiments/{id}}: conversion per variant with confidence intervals, lift over
 * control, the chi-square test across variants and whether the sample is large enough. The control
 * is {@code ?control=} when given, else the variant named {@code control}, else the first variant
 * by name.
 */
final class ExperimentHandler implements Handler {

    static final String DEFAULT_CONTROL = "control";
    static final double DEFAULT_MIN_LIFT = 0.10;
    static final double MAX_MIN_LIFT = 10;

    /** The response body. */
    record ExperimentReport(
            String experiment,
            String control,
            long sessions,
            double minimumDetectableLift,
            boolean largeEnough,
            List<ExperimentStatistics.VariantResult> variants,
            ExperimentStatistics.IndependenceTest test) {}

    private final ExperimentSearches experiments;

    ExperimentHandler(ExperimentSearches experiments) {
        this.experiments = experiments;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of("control", "min_lift"));
        String id = Parameters.id(ctx.pathParam("id"), "experiment id");
        String requestedControl = Parameters.text(ctx, "control");
        double minLift = minimumLift(ctx);
        List<ExperimentStatistics.VariantCounts> variants = experiments.variants(id);
        if (variants.isEmpty()) {
            throw ApiException.notFound("No sessions carry experiment '" + id + "'");
        }
        ExperimentStatistics.VariantCounts control = control(variants, requestedControl);
        List<ExperimentStatistics.VariantResult> results =
                ExperimentStatistics.variants(variants, control, minLift);
        ExperimentStatistics.IndependenceTest test = ExperimentStatistics.independence(variants);
        boolean largeEnough =
                test.expectedCountsOk()
                        && results.stream()
                                .allMatch(ExperimentStatistics.VariantResult::largeEnough);
        ctx.json(
                new ExperimentReport(
                        id,
                        control.variant(),
                        variants.stream()
                                .mapToLong(ExperimentStatistics.VariantCounts::sessions)
                                .sum(),
                        minLift,
                        largeEnough,
                        results,
                        test));
    }

    private static double minimumLift(Context ctx) {
        Double minLift = Parameters.nonNegativeNumber(ctx, "min_lift");
        if (minLift == null) {
            return DEFAULT_MIN_LIFT;
        }
        if (minLift == 0 || minLift > MAX_MIN_LIFT) {
            throw ApiException.invalidParameter(
                    "min_lift is a relative lift above 0 and at most "
                            + MAX_MIN_LIFT
                            + " (0.1 = 10%), got "
                            + minLift);
        }
        return minLift;
    }

    private static ExperimentStatistics.VariantCounts control(
            List<ExperimentStatistics.VariantCounts> variants, String requested) {
        String wanted = requested == null ? DEFAULT_CONTROL : requested;
        for (ExperimentStatistics.VariantCounts v : variants) {
            if (v.variant().equals(wanted)) {
                return v;
            }
        }
        if (requested != null) {
            throw ApiException.invalidParameter(
                    "control '"
                            + requested
                            + "' is not a variant of this experiment; variants: "
                            + variants.stream()
                                    .map(ExperimentStatistics.VariantCounts::variant)
                                    .toList());
        }
        return variants.get(0);
    }
}
