package io.github.clickstream.appliance.events.generator;

/**
 * Kinds of shoppers that differ in how often they come, how far down the funnel they go, which
 * prices they pick and whether they stay: the signal the propensity, churn and segment models
 * learn.
 */
enum Archetype {
    //                 share  visit/day views  search cart  buy   price  staysDays
    LOYAL_HIGH_SPENDER(0.15, 0.45, 8, 0.10, 0.30, 0.65, +1, Integer.MAX_VALUE),
    BARGAIN_HUNTER(0.25, 0.35, 10, 0.40, 0.22, 0.35, -1, Integer.MAX_VALUE),
    WINDOW_SHOPPER(0.30, 0.30, 6, 0.15, 0.05, 0.08, 0, Integer.MAX_VALUE),
    ONE_TIME_BUYER(0.10, 0.60, 5, 0.20, 0.35, 0.60, 0, 2),
    CHURNING(0.20, 0.40, 7, 0.15, 0.18, 0.35, 0, -1);

    final double share;
    final double visitProbability;
    final int meanViews;
    final double searchProbability;
    final double cartProbability;
    final double buyProbability;

    /** Which of two candidate items the shopper looks at: -1 the cheaper, +1 the dearer, 0 any. */
    final int pricePreference;

    /**
     * Days the shopper keeps visiting after joining: unlimited, a fixed few, or (-1) a random part
     * of the simulated period, after which a churning shopper stops for good.
     */
    final int staysDays;

    Archetype(
            double share,
            double visitProbability,
            int meanViews,
            double searchProbability,
            double cartProbability,
            double buyProbability,
            int pricePreference,
            int staysDays) {
        this.share = share;
        this.visitProbability = visitProbability;
        this.meanViews = meanViews;
        this.searchProbability = searchProbability;
        this.cartProbability = cartProbability;
        this.buyProbability = buyProbability;
        this.pricePreference = pricePreference;
        this.staysDays = staysDays;
    }

    static Archetype pick(double uniform) {
        double cumulative = 0;
        for (Archetype archetype : values()) {
            cumulative += archetype.share;
            if (uniform < cumulative) {
                return archetype;
            }
        }
        return WINDOW_SHOPPER;
    }
}
