package io.github.clickstream.appliance.models;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.clustering.ClusteringModel;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.HasEntityId;
import org.jpmml.evaluator.HasProbability;
import org.jpmml.evaluator.TargetField;

/**
 * Scores through jpmml-evaluator itself: the reference the compiled scorers are checked against,
 * and the scorer for any model shape they do not cover.
 */
public final class InterpretedScorer implements Scorer {

    private final Evaluator evaluator;
    private final List<String> inputNames;
    private final String targetName;
    private final Object positiveCategory;
    private final List<String> clusterIds;

    public InterpretedScorer(LoadedModel loaded) {
        this.evaluator = loaded.evaluator();
        this.inputNames = ModelInputs.names(loaded);
        TargetField target = evaluator.getTargetFields().get(0);
        this.targetName = target.getName();
        String positive = ModelInputs.positiveCategory(loaded);
        this.positiveCategory =
                target.getCategories() == null
                        ? positive
                        : target.getCategories().stream()
                                .filter(c -> String.valueOf(c).equals(positive))
                                .findFirst()
                                .orElse(positive);
        this.clusterIds =
                loaded.model() instanceof ClusteringModel clustering
                        ? ModelInputs.clusterIds(clustering)
                        : List.of();
    }

    @Override
    public List<String> inputNames() {
        return inputNames;
    }

    @Override
    public double predict(double[] inputs) {
        Map<String, Object> arguments = new HashMap<>();
        for (int i = 0; i < inputNames.size(); i++) {
            arguments.put(inputNames.get(i), Double.isNaN(inputs[i]) ? null : inputs[i]);
        }
        Object result = evaluator.evaluate(arguments).get(targetName);
        if (result instanceof HasProbability probability) {
            Double value = probability.getProbability(positiveCategory);
            return value == null ? Double.NaN : value;
        }
        if (result instanceof HasEntityId cluster && cluster.getEntityId() != null) {
            return clusterIds.indexOf(cluster.getEntityId());
        }
        return Double.NaN;
    }

    @Override
    public List<Contribution> explain(double[] inputs, int top) {
        return List.of();
    }
}
