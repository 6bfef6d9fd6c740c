package io.github.clickstream.appliance.events.generator;

/**
 * Kinds of shoppers that differ in how often they come, how far down the funnel they go, what they
 * spend and whether they stay: the signal the propensity, churn and segment models learn.
 */
enum Archetype {
    //                  share visit/day  views cart   buy   price  churnsAfter
    LOYAL_HIGH_SPENDER(0.15, 0.45, 8, 0.30, 0.65, 1.6, Double.NaN),
    BARGAIN_HUNTER(0.25, 0.35, 10, 0.22, 0.35, 0.6, Double.NaN),
    WINDOW_SHOPPER(0.30, 0.30, 6, 0.05, 0.08, 1.0, Double.NaN),
    ONE_TIME_BUYER(0.10, 0.60, 5, 0.35, 0.60, 1.0, 0.1),
    CHURNING(0.20, 0.40, 7, 0.18, 0.35, 1.0, 0.5);

    final double share;
    final double visitProbability;
    final int meanViews;
    final double cartProbability;
    final double buyProbability;
    final double priceAffinity;

    /** Fraction of the simulated period after which the shopper stops coming (NaN = never). */
    final double churnsAfter;

    Archetype(
            double share,
            double visitProbability,
            int meanViews,
            double cartProbability,
            double buyProbability,
            double priceAffinity,
            double churnsAfter) {
        this.share = share;
        this.visitProbability = visitProbability;
        this.meanViews = meanViews;
        this.cartProbability = cartProbability;
        this.buyProbability = buyProbability;
        this.priceAffinity = priceAffinity;
        this.churnsAfter = churnsAfter;
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
