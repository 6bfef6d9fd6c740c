package io.github.clickstream.appliance.models;

import java.util.List;

/**
 * Scores one record of a model's inputs (in {@link #inputNames()} order, NaN for missing). One
 * instance serves any number of threads: it holds no per-record state.
 */
public interface Scorer {

    List<String> inputNames();

    /**
     * The probability of the positive class for a classifier, the cluster's position (0-based) for
     * a clustering model; NaN when the model gives no prediction for these inputs.
     */
    double predict(double[] inputs);

    /**
     * The features that drove this prediction, strongest first, at most {@code top}; empty where
     * the model kind has no explanation.
     */
    List<Contribution> explain(double[] inputs, int top);
}
