package io.github.clickstream.appliance.models;

import java.util.List;

/**
 * A validated model in one slot, wired to the pipeline's feature vector: it picks its own inputs
 * out of the full vector, so a model may use any subset of the features, in any order.
 */
public final class DeployedModel {

    private final ModelSlot slot;
    private final String label;
    private final Scorer scorer;
    private final int[] featurePositions;
    private final List<String> clusterNames;

    DeployedModel(
            ModelSlot slot,
            String label,
            Scorer scorer,
            int[] featurePositions,
            List<String> clusterNames) {
        this.slot = slot;
        this.label = label;
        this.scorer = scorer;
        this.featurePositions = featurePositions;
        this.clusterNames = clusterNames;
    }

    public ModelSlot slot() {
        return slot;
    }

    /** Name and version, e.g. {@code churn_risk@2026.11.30}. */
    public String label() {
        return label;
    }

    /** Probability of the positive class, or the cluster position; NaN for no prediction. */
    public double predict(double[] features) {
        return scorer.predict(inputs(features));
    }

    public List<Contribution> explain(double[] features, int top) {
        return scorer.explain(inputs(features), top);
    }

    /** The name of the cluster at this position (segment models), else null. */
    public String clusterName(int position) {
        return position >= 0 && position < clusterNames.size() ? clusterNames.get(position) : null;
    }

    private double[] inputs(double[] features) {
        double[] inputs = new double[featurePositions.length];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = features[featurePositions[i]];
        }
        return inputs;
    }
}
