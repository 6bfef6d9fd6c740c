package io.github.clickstream.appliance.models.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The header of a scored file: the input's columns unchanged, then the model's fields, then {@value
 * #ERROR}. An appended column whose name the input already uses (e.g. a holdout that carries
 * scikit-learn's own {@code probability(1)}) gets {@value #CLASH_SUFFIX} appended, so both values
 * sit side by side and no input column is lost or overwritten.
 */
public final class OutputColumns {

    public static final String ERROR = "error";
    public static final String CLASH_SUFFIX = "_model";

    private OutputColumns() {}

    /** The names to append after {@code inputColumns}: model fields, then the error column. */
    public static List<String> appended(List<String> inputColumns, List<String> modelFields) {
        Set<String> taken = new HashSet<>(inputColumns);
        List<String> appended = new ArrayList<>();
        List<String> wanted = new ArrayList<>(modelFields);
        wanted.add(ERROR);
        for (String name : wanted) {
            String unique = name;
            while (!taken.add(unique)) {
                unique += CLASH_SUFFIX;
            }
            appended.add(unique);
        }
        return appended;
    }
}
