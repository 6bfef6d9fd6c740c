package io.github.clickstream.appliance.models.compiled;

import io.github.clickstream.appliance.models.InterpretedScorer;
import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.ModelInputs;
import io.github.clickstream.appliance.models.Scorer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the fastest correct scorer for a model: a compiled one for logistic regressions, trees and
 * k-means of the shapes scikit-learn exports, jpmml's interpreter for anything else.
 */
public final class ScorerCompiler {

    private static final Logger LOG = LoggerFactory.getLogger(ScorerCompiler.class);

    private ScorerCompiler() {}

    public static Scorer compile(LoadedModel loaded) {
        List<String> inputs = ModelInputs.names(loaded);
        try {
            return switch (loaded.model().requireMiningFunction()) {
                case CLASSIFICATION -> {
                    String positive = ModelInputs.positiveCategory(loaded);
                    yield loaded.model() instanceof org.dmg.pmml.tree.TreeModel
                            ? TreeScorer.compile(loaded, inputs, positive)
                            : LogisticScorer.compile(loaded, inputs, positive);
                }
                case CLUSTERING -> KMeansScorer.compile(loaded, inputs);
                default -> throw new NotCompilable(loaded.model().getMiningFunction().toString());
            };
        } catch (NotCompilable e) {
            LOG.info("{} is interpreted by jpmml: {}", loaded.label(), e.getMessage());
            return new InterpretedScorer(loaded);
        }
    }
}
