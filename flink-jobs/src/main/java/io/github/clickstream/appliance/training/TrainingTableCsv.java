package io.github.clickstream.appliance.training;

import io.github.clickstream.appliance.features.UserFeatures;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;

/**
 * Writes training rows as CSV whose column names are the feature names the models use (snake_case,
 * as on the user documents), then the two labels. Missing values (rates without a denominator) are
 * empty cells.
 */
public final class TrainingTableCsv {

    private static final double DAY_MILLIS = 86_400_000.0;

    private record Column(String name, Function<TrainingRow, Object> value) {}

    private static final List<Column> COLUMNS =
            List.of(
                    feature("user_id", UserFeatures::userId),
                    feature("sessions_7d", UserFeatures::sessions7d),
                    feature("sessions_30d", UserFeatures::sessions30d),
                    feature("orders_30d", UserFeatures::orders30d),
                    feature("orders_lifetime", UserFeatures::ordersLifetime),
                    feature("revenue_30d", UserFeatures::revenue30d),
                    feature("revenue_lifetime", UserFeatures::revenueLifetime),
                    feature("average_order_value", UserFeatures::averageOrderValue),
                    feature("view_to_cart_rate", UserFeatures::viewToCartRate),
                    feature("cart_to_purchase_rate", UserFeatures::cartToPurchaseRate),
                    feature("cart_abandonment_rate", UserFeatures::cartAbandonmentRate),
                    feature("avg_session_duration_s", UserFeatures::avgSessionDurationS),
                    feature("avg_session_depth", UserFeatures::avgSessionDepth),
                    feature("distinct_categories_30d", UserFeatures::distinctCategories30d),
                    feature("days_since_last_visit", UserFeatures::daysSinceLastVisit),
                    feature("days_since_last_purchase", UserFeatures::daysSinceLastPurchase),
                    feature("tenure_days", f -> (f.asOf() - f.firstSeen()) / DAY_MILLIS),
                    feature("favourite_category", UserFeatures::favouriteCategory),
                    new Column("purchased_next_7d", r -> r.purchasedNext7d() ? 1 : 0),
                    new Column("churned_30d", r -> r.churned30d() ? 1 : 0));

    private TrainingTableCsv() {}

    private static Column feature(String name, Function<UserFeatures, Object> value) {
        return new Column(name, row -> value.apply(row.features()));
    }

    public static List<String> header() {
        return COLUMNS.stream().map(Column::name).toList();
    }

    public static void write(Iterable<TrainingRow> rows, Writer out) throws IOException {
        out.write(String.join(",", header()));
        out.write('\n');
        for (TrainingRow row : rows) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object value = COLUMNS.get(i).value().apply(row);
                out.write(value == null ? "" : quoted(value.toString()));
            }
            out.write('\n');
        }
    }

    private static String quoted(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
