package io.github.clickstream.appliance.features;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The numeric features models see, by the names they go by in the training table, the PMML files
 * and the user documents. The training table and the scoring operator both read features through
 * this list, so what a model saw in training is what it sees in scoring. Missing values (rates
 * without a denominator, no purchase yet) are NaN.
 */
public final class ModelFeatures {

    private static final double DAY_MILLIS = 86_400_000.0;

    private record Feature(String name, ToDoubleFunction<UserFeatures> value) {}

    private static final List<Feature> FEATURES =
            List.of(
                    new Feature("sessions_7d", UserFeatures::sessions7d),
                    new Feature("sessions_30d", UserFeatures::sessions30d),
                    new Feature("orders_30d", UserFeatures::orders30d),
                    new Feature("orders_lifetime", UserFeatures::ordersLifetime),
                    new Feature("revenue_30d", UserFeatures::revenue30d),
                    new Feature("revenue_lifetime", UserFeatures::revenueLifetime),
                    new Feature("average_order_value", f -> nan(f.averageOrderValue())),
                    new Feature("view_to_cart_rate", f -> nan(f.viewToCartRate())),
                    new Feature("cart_to_purchase_rate", f -> nan(f.cartToPurchaseRate())),
                    new Feature("cart_abandonment_rate", f -> nan(f.cartAbandonmentRate())),
                    new Feature("avg_session_duration_s", f -> nan(f.avgSessionDurationS())),
                    new Feature("avg_session_depth", f -> nan(f.avgSessionDepth())),
                    new Feature("distinct_categories_30d", UserFeatures::distinctCategories30d),
                    new Feature("days_since_last_visit", UserFeatures::daysSinceLastVisit),
                    new Feature("days_since_last_purchase", f -> nan(f.daysSinceLastPurchase())),
                    new Feature("tenure_days", f -> (f.asOf() - f.firstSeen()) / DAY_MILLIS));

    public static final List<String> NAMES = FEATURES.stream().map(Feature::name).toList();

    private ModelFeatures() {}

    /** The features in {@link #NAMES} order. */
    public static double[] values(UserFeatures features) {
        double[] values = new double[FEATURES.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = FEATURES.get(i).value().applyAsDouble(features);
        }
        return values;
    }

    private static double nan(Double value) {
        return value == null ? Double.NaN : value;
    }
}
