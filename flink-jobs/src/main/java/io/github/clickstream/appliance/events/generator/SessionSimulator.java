package io.github.clickstream.appliance.events.generator;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plays one shopping session: maybe a search, a run of views mostly in one category (sometimes a
 * related one), some items put in the cart, some removed, the rest bought with the shopper's
 * probability. Event ids are filled in later, once the day's events are in time order.
 */
final class SessionSimulator {

    private final Catalog catalog;

    SessionSimulator(Catalog catalog) {
        this.catalog = catalog;
    }

    List<ClickEvent> play(Shopper shopper, long start, Random random) {
        List<ClickEvent> events = new ArrayList<>();
        Archetype archetype = shopper.archetype();
        int category = sessionCategory(shopper, random);
        long time = start;
        if (random.nextDouble() < (archetype == Archetype.BARGAIN_HUNTER ? 0.4 : 0.15)) {
            events.add(event(shopper, EventType.SEARCH, -1, time, null, "category-" + category));
            time += step(random);
        }
        List<Integer> cart = new ArrayList<>();
        int views = 1 + geometric(archetype.meanViews, random);
        for (int v = 0; v < views; v++) {
            int browsing =
                    random.nextDouble() < 0.15 ? catalog.relatedCategory(category) : category;
            int item = catalog.item(browsing, random);
            events.add(event(shopper, EventType.VIEW, item, time, null, null));
            time += step(random);
            if (random.nextDouble() < 0.04) {
                events.add(event(shopper, EventType.FAVOURITE, item, time, null, null));
                time += step(random);
            }
            if (random.nextDouble() < archetype.cartProbability) {
                events.add(event(shopper, EventType.CART, item, time, null, null));
                cart.add(item);
                time += step(random);
            }
        }
        for (int item : cart) {
            if (random.nextDouble() < 0.1) {
                events.add(event(shopper, EventType.REMOVE_FROM_CART, item, time, null, null));
            } else if (random.nextDouble() < shopper.buyProbability()) {
                int quantity =
                        archetype == Archetype.LOYAL_HIGH_SPENDER ? 1 + random.nextInt(3) : 1;
                events.add(event(shopper, EventType.PURCHASE, item, time, quantity, null));
            } else {
                continue;
            }
            time += step(random);
        }
        return events;
    }

    private int sessionCategory(Shopper shopper, Random random) {
        double roll = random.nextDouble();
        if (roll < 0.7) {
            return shopper.favouriteCategory();
        }
        if (roll < 0.85) {
            return catalog.relatedCategory(shopper.favouriteCategory());
        }
        return catalog.popularCategory(random);
    }

    private ClickEvent event(
            Shopper shopper, EventType type, int item, long time, Integer quantity, String query) {
        boolean hasItem = item >= 0;
        Double price =
                type == EventType.PURCHASE || type == EventType.CART || type == EventType.VIEW
                        ? catalog.price(item) * shopper.archetype().priceAffinity
                        : null;
        return new ClickEvent(
                null,
                shopper.userId(),
                type,
                hasItem ? "item-" + item : null,
                hasItem ? "cat-" + catalog.categoryOf(item) : null,
                null,
                null,
                price == null ? null : Math.round(price * 100) / 100.0,
                quantity,
                query,
                Shopper.EXPERIMENT,
                shopper.variant(),
                time);
    }

    /** Seconds to minutes between clicks. */
    private static long step(Random random) {
        return 5_000 + (long) (random.nextDouble() * 115_000);
    }

    private static int geometric(int mean, Random random) {
        double p = 1.0 / mean;
        return (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - p));
    }
}
