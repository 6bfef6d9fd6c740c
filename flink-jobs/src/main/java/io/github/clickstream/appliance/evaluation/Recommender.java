package io.github.clickstream.appliance.evaluation;

import java.util.List;

/** Something that proposes the next items for a shopper's session so far. */
interface Recommender {

    String name();

    /** Up to {@code k} items, best first, none of them already in {@code prefix}. */
    List<String> recommend(String userId, List<String> prefix, int k);
}
