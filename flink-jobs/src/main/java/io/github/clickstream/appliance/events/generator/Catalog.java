package io.github.clickstream.appliance.events.generator;

import java.util.Random;

/**
 * The synthetic shop's items: grouped into categories of Zipf-distributed popularity, each item
 * with a log-normal price around its category's price level. Neighbouring categories are "related"
 * (shoppers wander into them), which gives co-visitation structure to learn.
 */
final class Catalog {

    static final int ITEMS_PER_CATEGORY = 50;

    final int categories;
    private final int items;
    private final double[] prices;
    private final ZipfSampler categoryPopularity;
    private final ZipfSampler itemPopularity;

    Catalog(int items, Random random) {
        this.items = items;
        this.categories = Math.max(2, items / ITEMS_PER_CATEGORY);
        this.categoryPopularity = new ZipfSampler(categories, 0.8);
        this.itemPopularity = new ZipfSampler(Math.max(1, items / categories), 1.1);
        double[] categoryPrice = new double[categories];
        for (int c = 0; c < categories; c++) {
            categoryPrice[c] = Math.exp(2.5 + random.nextGaussian() * 0.8);
        }
        this.prices = new double[items];
        for (int i = 0; i < items; i++) {
            double price = categoryPrice[categoryOf(i)] * Math.exp(random.nextGaussian() * 0.3);
            prices[i] = Math.round(price * 100) / 100.0;
        }
    }

    int popularCategory(Random random) {
        return categoryPopularity.sample(random);
    }

    int relatedCategory(int category) {
        return (category + 1) % categories;
    }

    /** A popular item of the category (items are laid out category by category). */
    int item(int category, Random random) {
        int perCategory = items / categories;
        int rank = itemPopularity.sample(random);
        return Math.min(items - 1, category * perCategory + rank);
    }

    int categoryOf(int item) {
        return Math.min(categories - 1, item / (items / categories));
    }

    double price(int item) {
        return prices[item];
    }
}
