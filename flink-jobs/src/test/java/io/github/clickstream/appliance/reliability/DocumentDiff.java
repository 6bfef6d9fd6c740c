package io.github.clickstream.appliance.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Document-by-document comparison of Elasticsearch after a faulty run with the fault-free
 * reference: documents missing, extra (e.g. duplicates under a new id) and differing, with the
 * fields that differ.
 *
 * <p>One field is compared apart: an item's {@code similar_items} is the item's nearest neighbours
 * as their vectors stood when the item last changed, so it depends on how updates of different
 * items interleaved, which differs between any two runs with or without a fault. Its neighbours'
 * own vectors (and everything else) must match exactly; documents that differ only there are
 * counted as {@code neighbourOrderOnly}.
 */
record DocumentDiff(
        int compared,
        int missing,
        int extra,
        int differing,
        int neighbourOrderOnly,
        List<String> examples) {

    private static final String ORDER_DEPENDENT_FIELD = "similar_items";
    private static final int EXAMPLES = 5;

    static DocumentDiff of(Map<String, JsonNode> reference, Map<String, JsonNode> actual) {
        int missing = 0;
        int differing = 0;
        int neighbourOrderOnly = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<String, JsonNode> expected : reference.entrySet()) {
            JsonNode found = actual.get(expected.getKey());
            if (found == null) {
                missing++;
                example(examples, "missing " + expected.getKey());
                continue;
            }
            Set<String> fields = differingFields(expected.getValue(), found);
            if (fields.equals(Set.of(ORDER_DEPENDENT_FIELD))
                    && expected.getKey().startsWith("items-")) {
                neighbourOrderOnly++;
            } else if (!fields.isEmpty()) {
                differing++;
                example(examples, "differing " + expected.getKey() + " in " + fields);
            }
        }
        int extra = 0;
        for (String id : actual.keySet()) {
            if (!reference.containsKey(id)) {
                extra++;
                example(examples, "extra " + id);
            }
        }
        return new DocumentDiff(
                reference.size(), missing, extra, differing, neighbourOrderOnly, examples);
    }

    private static Set<String> differingFields(JsonNode expected, JsonNode actual) {
        Set<String> names = new TreeSet<>();
        expected.fieldNames().forEachRemaining(names::add);
        actual.fieldNames().forEachRemaining(names::add);
        names.removeIf(name -> expected.path(name).equals(actual.path(name)));
        return names;
    }

    private static void example(List<String> examples, String line) {
        if (examples.size() < EXAMPLES) {
            examples.add(line);
        }
    }

    boolean identical() {
        return missing == 0 && extra == 0 && differing == 0;
    }

    @Override
    public String toString() {
        return compared
                + " reference documents: "
                + missing
                + " missing, "
                + extra
                + " extra, "
                + differing
                + " differing (+"
                + neighbourOrderOnly
                + " items differing only in similar_items)"
                + (examples.isEmpty() ? "" : "; e.g. " + String.join("; ", examples));
    }
}
