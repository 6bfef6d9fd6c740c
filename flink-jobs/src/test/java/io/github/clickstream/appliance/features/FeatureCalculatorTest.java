package io.github.clickstream.appliance.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.clickstream.appliance.sessions.SessionSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureCalculatorTest {

    private static final long BEGINNING = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;
    private static final long DAY = 86_400_000;

    private final FeatureCalculator calculator = new FeatureCalculator(FeatureWindows.DEFAULT);

    // Abandoned cart: 4 views + 1 cart over 10 minutes.
    private final SessionSummary s1 =
            session(
                    BEGINNING,
                    BEGINNING + 10 * MINUTE,
                    4,
                    1,
                    0,
                    0,
                    null,
                    List.of("i2", "i1"),
                    Map.of("c1", 5));
    // Converted: 3 views, 2 carts, 1 purchase of 50 over 20 minutes, two days later.
    private final SessionSummary s2 =
            session(
                    BEGINNING + 2 * DAY,
                    BEGINNING + 2 * DAY + 20 * MINUTE,
                    3,
                    2,
                    1,
                    50.0,
                    BEGINNING + 2 * DAY + 20 * MINUTE,
                    List.of("i3", "i1"),
                    Map.of("c1", 2, "c2", 4));
    // Forty days earlier: outside the 30-day window, only in lifetime totals.
    private final SessionSummary old =
            session(
                    BEGINNING - 40 * DAY,
                    BEGINNING - 40 * DAY + 5 * MINUTE,
                    2,
                    0,
                    1,
                    20.0,
                    BEGINNING - 40 * DAY + 5 * MINUTE,
                    List.of("i9"),
                    Map.of("c3", 3));

    @Test
    void handCheckedFeaturesThreeDaysAfterTheFirstSession() {
        long asOf = BEGINNING + 3 * DAY;
        LifetimeTotals totals = new LifetimeTotals();
        assertThat(calculator.outsideWindow(old, asOf)).isTrue();
        assertThat(calculator.outsideWindow(s1, asOf)).isFalse();
        totals.absorb(old, 20);

        UserFeatures f = calculator.snapshot("u1", totals, List.of(s2, s1), asOf);

        double sinceLast = 1.0 - 20.0 / 1440.0;
        assertThat(f.firstSeen()).isEqualTo(BEGINNING - 40 * DAY);
        assertThat(f.lastSeen()).isEqualTo(BEGINNING + 2 * DAY + 20 * MINUTE);
        assertThat(f.daysSinceLastVisit()).isCloseTo(sinceLast, within(1e-12));
        assertThat(f.daysSinceLastPurchase()).isCloseTo(sinceLast, within(1e-12));
        assertThat(f.sessions7d()).isEqualTo(2);
        assertThat(f.sessions30d()).isEqualTo(2);
        assertThat(f.orders30d()).isEqualTo(1);
        assertThat(f.ordersLifetime()).isEqualTo(2);
        assertThat(f.revenue30d()).isEqualTo(50.0);
        assertThat(f.revenueLifetime()).isEqualTo(70.0);
        assertThat(f.averageOrderValue()).isEqualTo(35.0);
        assertThat(f.viewToCartRate()).isCloseTo(3.0 / 7.0, within(1e-12));
        assertThat(f.cartToPurchaseRate()).isCloseTo(1.0 / 3.0, within(1e-12));
        assertThat(f.cartAbandonmentRate()).isEqualTo(0.5);
        assertThat(f.avgSessionDurationS()).isEqualTo(900.0);
        assertThat(f.avgSessionDepth()).isEqualTo(5.5);
        assertThat(f.distinctCategories30d()).isEqualTo(2);
        assertThat(f.favouriteCategory()).isEqualTo("c1");
        assertThat(f.recentItems()).containsExactly("i3", "i1", "i2", "i9");
    }

    @Test
    void sevenDayWindowDropsSessionsThatStartedEarlier() {
        UserFeatures f =
                calculator.snapshot(
                        "u1", new LifetimeTotals(), List.of(s1, s2), BEGINNING + 8 * DAY);

        assertThat(f.sessions7d()).isEqualTo(1);
        assertThat(f.sessions30d()).isEqualTo(2);
    }

    @Test
    void ratesWithoutDenominatorAreNullNotZero() {
        SessionSummary onlySearch =
                session(BEGINNING, BEGINNING, 0, 0, 0, 0, null, List.of(), Map.of());

        UserFeatures f =
                calculator.snapshot("u2", new LifetimeTotals(), List.of(onlySearch), BEGINNING);

        assertThat(f.viewToCartRate()).isNull();
        assertThat(f.cartToPurchaseRate()).isNull();
        assertThat(f.cartAbandonmentRate()).isNull();
        assertThat(f.averageOrderValue()).isNull();
        assertThat(f.daysSinceLastPurchase()).isNull();
        assertThat(f.favouriteCategory()).isNull();
    }

    @Test
    void windowBoundaryIsExclusiveAtExactlyThirtyDays() {
        long asOf = BEGINNING + Duration.ofDays(30).toMillis();
        assertThat(calculator.outsideWindow(s1, asOf)).isTrue();
        assertThat(calculator.outsideWindow(s1, asOf - 1)).isFalse();
    }

    static SessionSummary session(
            long start,
            long end,
            int views,
            int carts,
            int purchases,
            double revenue,
            Long lastPurchaseAt,
            List<String> recentItems,
            Map<String, Integer> categories) {
        return new SessionSummary(
                SessionSummary.sessionId("u1", start),
                "u1",
                start,
                end,
                views,
                carts,
                0,
                purchases,
                purchases == 0 && views == 0 && carts == 0 ? 1 : 0,
                0,
                0,
                revenue,
                lastPurchaseAt,
                recentItems.size(),
                categories.size(),
                recentItems.isEmpty() ? null : recentItems.get(recentItems.size() - 1),
                recentItems.isEmpty() ? null : recentItems.get(0),
                null,
                null,
                recentItems,
                categories,
                List.of());
    }
}
