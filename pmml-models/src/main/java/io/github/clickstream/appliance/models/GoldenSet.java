package io.github.clickstream.appliance.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Feature rows every new model must score sensibly before it is deployed: the compiled scorer must
 * agree with jpmml's interpreter, and each score must be a probability or a known cluster.
 */
public record GoldenSet(List<double[]> rows) {

    /** The rows shipped with the models, as vectors of {@code featureNames}. */
    public static GoldenSet shipped(List<String> featureNames) {
        return new GoldenSet(
                shippedTable().rows().stream()
                        .map(row -> CsvTable.numbers(row, featureNames))
                        .toList());
    }

    /** {@code models/golden_features.csv} as it is: one column per feature, empty = missing. */
    public static CsvTable shippedTable() {
        try (InputStream in = GoldenSet.class.getResourceAsStream("/models/golden_features.csv")) {
            if (in == null) {
                throw new IllegalStateException(
                        "models/golden_features.csv is not on the classpath");
            }
            return CsvTable.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the golden set", e);
        }
    }
}
