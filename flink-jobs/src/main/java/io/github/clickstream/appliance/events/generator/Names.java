package io.github.clickstream.appliance.events.generator;

import java.util.Random;

/**
 * Human-readable names for the synthetic shop, so dashboards and search queries read like a real
 * shop's: departments with four categories each ({@code electronics.headphones}, in the REES46
 * {@code category_code} style) and invented brand names.
 */
final class Names {

    static final int CATEGORIES_PER_DEPARTMENT = 4;

    private static final String[][] DEPARTMENTS = {
        {"electronics", "smartphone", "headphones", "tablet", "camera"},
        {"appliances", "kettle", "vacuum", "washer", "fridge"},
        {"apparel", "shoes", "jacket", "dress", "jeans"},
        {"home", "sofa", "lamp", "bedding", "rug"},
        {"beauty", "perfume", "lipstick", "shampoo", "cream"},
        {"sports", "bicycle", "tent", "running", "yoga"},
        {"kids", "toys", "stroller", "puzzle", "diapers"},
        {"books", "novel", "cookbook", "comics", "travel"},
        {"garden", "grill", "mower", "planter", "hose"},
        {"food", "coffee", "tea", "chocolate", "wine"},
        {"auto", "tyres", "battery", "wipers", "seatcover"},
        {"pets", "dogfood", "catlitter", "aquarium", "leash"},
    };
    private static final String[] ONSETS = {"b", "k", "l", "m", "n", "r", "s", "t", "v", "z"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u"};
    private static final String[] CODAS = {"", "n", "x", "ro", "la", "to"};

    private Names() {}

    static int department(int category) {
        return category / CATEGORIES_PER_DEPARTMENT;
    }

    /** The category's word, e.g. {@code headphones}; past the vocabulary, numbered copies. */
    static String category(int category) {
        int slot = category % (DEPARTMENTS.length * CATEGORIES_PER_DEPARTMENT);
        String word =
                DEPARTMENTS[slot / CATEGORIES_PER_DEPARTMENT][1 + slot % CATEGORIES_PER_DEPARTMENT];
        int copy = category / (DEPARTMENTS.length * CATEGORIES_PER_DEPARTMENT);
        return copy == 0 ? word : word + "-" + (copy + 1);
    }

    /** The category's code, e.g. {@code electronics.headphones}. */
    static String categoryCode(int category) {
        int slot = category % (DEPARTMENTS.length * CATEGORIES_PER_DEPARTMENT);
        return DEPARTMENTS[slot / CATEGORIES_PER_DEPARTMENT][0] + "." + category(category);
    }

    /** An invented brand name of two or three syllables. */
    static String brand(Random random) {
        StringBuilder name = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
            name.append(ONSETS[random.nextInt(ONSETS.length)]);
            name.append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return name.append(CODAS[random.nextInt(CODAS.length)]).toString();
    }
}
