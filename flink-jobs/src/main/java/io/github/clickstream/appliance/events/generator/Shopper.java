package io.github.clickstream.appliance.events.generator;

import java.util.Random;

/** One synthetic user's fixed traits, drawn once from the seed. */
record Shopper(
        String userId,
        Archetype archetype,
        int favouriteCategory,
        String variant,
        int lastActiveDay) {

    static final String EXPERIMENT = "checkout-2026";

    static Shopper draw(int index, Catalog catalog, int days, Random random) {
        Archetype archetype = Archetype.pick(random.nextDouble());
        int lastActiveDay =
                Double.isNaN(archetype.churnsAfter)
                        ? days
                        : (int)
                                Math.round(
                                        days * archetype.churnsAfter * (0.5 + random.nextDouble()));
        return new Shopper(
                "user-" + index,
                archetype,
                catalog.popularCategory(random),
                random.nextBoolean() ? "treatment" : "control",
                lastActiveDay);
    }

    boolean activeOn(int day) {
        return day <= lastActiveDay;
    }

    /** The treatment checkout converts a little better: the effect the experiment should find. */
    double buyProbability() {
        return archetype.buyProbability * ("treatment".equals(variant) ? 1.2 : 1.0);
    }
}
