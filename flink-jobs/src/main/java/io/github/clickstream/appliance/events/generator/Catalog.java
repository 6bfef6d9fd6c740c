package io.github.clickstream.appliance.events.generator;

import java.util.Random;

/**
 * The synthetic shop's items, laid out category by category: category popularity and item
 * popularity within a category are both Zipf (a few bestsellers, a long tail), each category has a
 * log-normal price level and each item a log-normal price around it, fixed for the whole run.
 * Categories form departments of four; shoppers wander between the categories of one department,
 * which gives item similarity a co-visitation structure to find.
 */
final class Catalog {

    static final int ITEMS_PER_CATEGORY = 50;
    private static final int BRANDS_PER_CATEGORY = 5;

    final int categories;
    private final int perCategory;
    private final double[] prices;
    private final String[] brands;
    private final ZipfSampler categoryPopularity;
    private final ZipfSampler itemPopularity;

    Catalog(int items, Random random) {
        this.categories = Math.max(2, items / ITEMS_PER_CATEGORY);
        this.perCategory = items / categories;
        this.categoryPopularity = new ZipfSampler(categories, 0.8);
        this.itemPopularity = new ZipfSampler(perCategory, 1.1);
        int size = categories * perCategory;
        this.prices = new double[size];
        this.brands = new String[size];
        for (int c = 0; c < categories; c++) {
            double level = StrictMath.exp(2.5 + random.nextGaussian() * 0.8);
            String[] names = new String[BRANDS_PER_CATEGORY];
            for (int b = 0; b < names.length; b++) {
                names[b] = Names.brand(random);
            }
            for (int i = c * perCategory; i < (c + 1) * perCategory; i++) {
                double price = level * StrictMath.exp(random.nextGaussian() * 0.3);
                prices[i] = Math.max(0.5, Math.round(price * 100) / 100.0);
                brands[i] = names[random.nextInt(names.length)];
            }
        }
    }

    int popularCategory(Random random) {
        return categoryPopularity.sample(random);
    }

    /** Another category of the same department (the next category if it is alone there). */
    int relatedCategory(int category, Random random) {
        int first = Names.department(category) * Names.CATEGORIES_PER_DEPARTMENT;
        int size = Math.min(Names.CATEGORIES_PER_DEPARTMENT, categories - first);
        if (size < 2) {
            return (category + 1) % categories;
        }
        int other = first + random.nextInt(size - 1);
        return other >= category ? other + 1 : other;
    }

    /**
     * A popular item of the category. With a price preference, the cheaper (-1) or dearer (+1) of
     * two popular items: bargain hunters and big spenders see different parts of the range.
     */
    int item(int category, int pricePreference, Random random) {
        int item = category * perCategory + itemPopularity.sample(random);
        if (pricePreference == 0) {
            return item;
        }
        int other = category * perCategory + itemPopularity.sample(random);
        return Integer.signum(Double.compare(prices[other], prices[item])) == pricePreference
                ? other
                : item;
    }

    int categoryOf(int item) {
        return item / perCategory;
    }

    double price(int item) {
        return prices[item];
    }

    String brand(int item) {
        return brands[item];
    }
}
