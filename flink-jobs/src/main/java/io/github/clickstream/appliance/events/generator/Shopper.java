package io.github.clickstream.appliance.events.generator;

import java.util.Random;

/**
 * One synthetic user's fixed traits, drawn once from the seed: archetype, favourite category, A/B
 * variant, and the days between which the user visits at all. Most users are there from the first
 * day; the others sign up during the period, which gives cohorts something to show.
 */
record Shopper(
        String userId,
        Archetype archetype,
        int favouriteCategory,
        String variant,
        int firstDay,
        int lastDay) {

    static final String EXPERIMENT = "checkout-2026";
    static final String CONTROL = "control";
    static final String TREATMENT = "treatment";

    /** The treatment checkout's effect on the chance that a cart item is bought. */
    static final double TREATMENT_LIFT = 1.2;

    private static final double SHARE_PRESENT_FROM_START = 0.6;

    static Shopper draw(int index, Catalog catalog, int days, Random random) {
        Archetype archetype = Archetype.pick(random.nextDouble());
        int favourite = catalog.popularCategory(random);
        String variant = random.nextBoolean() ? TREATMENT : CONTROL;
        int firstDay = random.nextDouble() < SHARE_PRESENT_FROM_START ? 0 : random.nextInt(days);
        double stay = random.nextDouble();
        int lastDay =
                switch (archetype.staysDays) {
                    case Integer.MAX_VALUE -> days;
                    case -1 -> firstDay + (int) ((days - firstDay) * (0.2 + 0.5 * stay));
                    default -> firstDay + archetype.staysDays - 1;
                };
        return new Shopper("user-" + index, archetype, favourite, variant, firstDay, lastDay);
    }

    boolean activeOn(int day) {
        return day >= firstDay && day <= lastDay;
    }

    double buyProbability() {
        return archetype.buyProbability * (TREATMENT.equals(variant) ? TREATMENT_LIFT : 1.0);
    }
}
