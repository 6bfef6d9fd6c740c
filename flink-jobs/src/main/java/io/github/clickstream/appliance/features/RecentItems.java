package io.github.clickstream.appliance.features;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** Merges most-recent-first item lists, newer list first, without duplicates. */
final class RecentItems {

    private RecentItems() {}

    static List<String> merge(List<String> newer, List<String> older, int limit) {
        LinkedHashSet<String> merged = new LinkedHashSet<>(newer);
        merged.addAll(older);
        return new ArrayList<>(merged.stream().limit(limit).toList());
    }
}
