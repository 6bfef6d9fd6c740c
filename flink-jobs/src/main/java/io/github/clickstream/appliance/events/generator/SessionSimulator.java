package io.github.clickstream.appliance.events.generator;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plays one shopping session: maybe a search, a run of views mostly in one category (sometimes a
 * related one of the same department), a few favourites, items put in the cart, some removed, the
 * rest bought with the shopper's probability. Event ids are left null; the generator numbers events
 * once they are in time order.
 */
final class SessionSimulator {

    private static final double RELATED_CATEGORY_VIEW = 0.15;
    private static final double FAVOURITE = 0.04;
    private static final double REMOVE_FROM_CART = 0.1;

    private final Catalog catalog;

    SessionSimulator(Catalog catalog) {
        this.catalog = catalog;
    }

    List<ClickEvent> play(Shopper shopper, long start, Random random) {
        Session session = new Session(shopper, start, random);
        Archetype archetype = shopper.archetype();
        int category = sessionCategory(shopper, random);
        if (random.nextDouble() < archetype.searchProbability) {
            String query = Names.category(category);
            session.add(EventType.SEARCH, -1, null, query);
        }
        List<Integer> cart = new ArrayList<>();
        int views = 1 + geometric(archetype.meanViews, random);
        for (int v = 0; v < views; v++) {
            int browsing =
                    random.nextDouble() < RELATED_CATEGORY_VIEW
                            ? catalog.relatedCategory(category, random)
                            : category;
            int item = catalog.item(browsing, archetype.pricePreference, random);
            session.add(EventType.VIEW, item, null, null);
            if (random.nextDouble() < FAVOURITE) {
                session.add(EventType.FAVOURITE, item, null, null);
            }
            if (random.nextDouble() < archetype.cartProbability) {
                session.add(EventType.CART, item, 1, null);
                cart.add(item);
            }
        }
        for (int item : cart) {
            if (random.nextDouble() < REMOVE_FROM_CART) {
                session.add(EventType.REMOVE_FROM_CART, item, 1, null);
            } else if (random.nextDouble() < shopper.buyProbability()) {
                int quantity =
                        archetype == Archetype.LOYAL_HIGH_SPENDER ? 1 + random.nextInt(3) : 1;
                session.add(EventType.PURCHASE, item, quantity, null);
            }
        }
        return session.events;
    }

    /** Mostly the shopper's favourite category, sometimes a related or a popular one. */
    private int sessionCategory(Shopper shopper, Random random) {
        double roll = random.nextDouble();
        if (roll < 0.7) {
            return shopper.favouriteCategory();
        }
        if (roll < 0.85) {
            return catalog.relatedCategory(shopper.favouriteCategory(), random);
        }
        return catalog.popularCategory(random);
    }

    private static int geometric(int mean, Random random) {
        double p = 1.0 / mean;
        return (int)
                StrictMath.floor(StrictMath.log(1 - random.nextDouble()) / StrictMath.log(1 - p));
    }

    /** The events of one session so far and its clock. */
    private final class Session {
        private final Shopper shopper;
        private final Random random;
        private final List<ClickEvent> events = new ArrayList<>();
        private long time;

        Session(Shopper shopper, long start, Random random) {
            this.shopper = shopper;
            this.random = random;
            this.time = start;
        }

        void add(EventType type, int item, Integer quantity, String query) {
            ClickEvent.Builder event =
                    ClickEvent.builder(null, shopper.userId(), type, time)
                            .query(query)
                            .quantity(quantity)
                            .experiment(Shopper.EXPERIMENT, shopper.variant());
            if (item >= 0) {
                int category = catalog.categoryOf(item);
                event.item("item-" + item)
                        .category("cat-" + category, Names.categoryCode(category))
                        .brand(catalog.brand(item))
                        .price(catalog.price(item));
            }
            events.add(event.build());
            time += 5_000 + (long) (random.nextDouble() * 115_000); // seconds to minutes
        }
    }
}
